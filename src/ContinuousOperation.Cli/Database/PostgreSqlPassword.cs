using Npgsql;

namespace ContinuousOperation.Cli.Database;

/// <summary>
/// Keeps the PostgreSQL password out of everything the program prints or hands on. The connection string given to
/// Akka ends up in its HOCON, and Akka dumps that configuration to the log when a plugin fails to start; so the
/// password is taken out of the string and put in <c>PGPASSWORD</c> of this process, which Npgsql reads whenever a
/// connection string has no password. The secret then never enters HOCON, a log line or a report, whatever a library
/// decides to print. (Setting the variable changes .NET's copy of the environment only, not the process's environ
/// block, so it is not visible to other users either.) A redacting log formatter is the second line of defence.
/// </summary>
internal static class PostgreSqlPassword
{
    public const string EnvironmentVariable = "PGPASSWORD";

    public static void MoveToEnvironment(NpgsqlConnectionStringBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Password)) return;
        Environment.SetEnvironmentVariable(EnvironmentVariable, builder.Password);
        builder.Password = null;
    }
}
