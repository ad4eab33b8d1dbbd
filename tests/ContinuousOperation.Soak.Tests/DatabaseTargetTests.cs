using ContinuousOperation.Cli;
using ContinuousOperation.Cli.Database;

namespace ContinuousOperation.Soak.Tests;

public sealed class DatabaseTargetTests
{
    [Fact]
    public void A_path_is_a_sqlite_file_made_absolute()
    {
        var target = DatabaseTarget.Parse("some/dir/journal.db");

        Assert.Equal(DatabaseKind.Sqlite, target.Kind);
        Assert.Equal(DatabaseTarget.SqliteProvider, target.ProviderName);
        Assert.Equal(Path.GetFullPath("some/dir/journal.db"), target.SqliteFile);
    }

    [Fact]
    public void A_data_source_string_is_sqlite()
    {
        var target = DatabaseTarget.Parse("Data Source=/var/tmp/j.db");

        Assert.Equal(DatabaseKind.Sqlite, target.Kind);
        Assert.Equal("/var/tmp/j.db", target.SqliteFile);
    }

    [Fact]
    public void A_host_string_is_postgresql_and_is_described_without_its_password()
    {
        var target = DatabaseTarget.Parse("Host=db.local;Port=5433;Database=soak;Username=soak;Password=s3cret");

        Assert.Equal(DatabaseKind.PostgreSql, target.Kind);
        Assert.Equal(DatabaseTarget.PostgreSqlProvider, target.ProviderName);
        var description = target.Describe();
        Assert.Equal(("postgresql", "db.local:5433/soak"), (description.Kind, description.Location));
        Assert.DoesNotContain("s3cret", description.ToString());
    }

    [Fact]
    public void An_unknown_connection_string_is_a_usage_error_that_does_not_echo_values()
    {
        var error = Assert.Throws<UsageException>(() => DatabaseTarget.Parse("Server2=x;Password=s3cret"));

        Assert.DoesNotContain("s3cret", error.Message);
    }
}
