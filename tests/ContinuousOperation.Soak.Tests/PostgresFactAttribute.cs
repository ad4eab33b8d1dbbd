namespace ContinuousOperation.Soak.Tests;

/// <summary>A test that needs a PostgreSQL server. It runs when <see cref="TestPostgres.Variable"/> holds a connection
/// string (the CI script starts a local server and sets it) and is reported as skipped, with the reason, otherwise —
/// never passed without having run.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.ConnectionString is null)
        {
            Skip = $"{TestPostgres.Variable} is not set, so there is no PostgreSQL server to test against (.ci/postgres.sh starts one)";
        }
    }
}
