using Akka.Actor;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The PostgreSQL password stays out of the configuration Akka may dump, the log, the console and reports.</summary>
public sealed class SecretTests
{
    private const string Password = "Sup3r-s3cret";

    [Theory]
    [InlineData("Host=h;Password=Sup3r-s3cret;Database=d", "Host=h;Password=***;Database=d")]
    [InlineData("connection-string = \"Host=h;Username=u;Password=Sup3r-s3cret\"", "connection-string = \"Host=h;Username=u;Password=***\"")]
    [InlineData("PASSWORD = Sup3r-s3cret", "PASSWORD=***")]
    [InlineData("pwd=Sup3r-s3cret;", "pwd=***;")]
    [InlineData("Password='Sup3r;s3cret';Host=h", "Password=***;Host=h")]
    [InlineData("Passwd=\"Sup3r s3cret\"", "Passwd=***")]
    public void The_redactor_masks_passwords_wherever_they_appear(string text, string redacted)
    {
        Assert.Equal(redacted, SecretRedactor.Redact(text));
    }

    [Fact]
    public void The_redactor_leaves_other_text_alone()
    {
        const string text = "Host=h;Username=password;Database=passwords; the password policy";

        Assert.Equal(text, SecretRedactor.Redact(text));
    }

    [Fact]
    public async Task The_password_never_reaches_the_actor_systems_configuration()
    {
        // Nothing listens on port 1: the journal plugin is not used here, only configured.
        var database = DatabaseTarget.Parse($"Host=127.0.0.1;Port=1;Database=soak;Username=soak;Password={Password}");
        await using var host = await ActorHost.StartAsync(database, userConfig: null, CancellationToken.None);

        Assert.DoesNotContain(Password, host.System.Settings.Config.ToString(includeFallback: true));
        Assert.DoesNotContain(Password, database.ConnectionString);
        Assert.Equal(Password, Environment.GetEnvironmentVariable(PostgreSqlPassword.EnvironmentVariable));
    }

    /// <summary>A table mapping that does not exist makes the journal plugin fail to start, and Akka then dumps its
    /// configuration, connection string included, to the log and the console. The run is killed once the dump is out:
    /// what it does next (time out its drain) is not the point here.</summary>
    [PostgresFact]
    public async Task When_the_journal_plugin_fails_to_start_its_configuration_dump_holds_no_password()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var directory = Directory.CreateTempSubdirectory("secret-dump-").FullName;
        try
        {
            var config = Path.Combine(directory, "broken.hocon");
            await File.WriteAllTextAsync(config, "akka.persistence.journal.sql.table-mapping = no-such-mapping\n");
            var reports = Path.Combine(directory, "reports");

            var result = await CliProcess.RunAsync(new CliStart(TimeSpan.FromMinutes(3),
                "run", "--duration", "1m", "--symbol-count", "1", "--db-env", "SOAK_DB", "--config", config, "--report-dir", reports)
            {
                Environment = new Dictionary<string, string> { ["SOAK_DB"] = database.ConnectionString },
                Signal = "KILL",
                SignalWhenOutputContains = "connection-string",
            });

            var log = File.ReadAllText(Assert.Single(Directory.GetFiles(reports, "run.log", SearchOption.AllDirectories)));
            var everything = result.StandardOutput + result.StandardError + log;
            Assert.Contains("connection-string", log);
            Assert.DoesNotContain("password", everything, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_connection_string_from_a_file_or_the_environment_keeps_its_password_out_of_the_output()
    {
        var directory = Directory.CreateTempSubdirectory("secret-").FullName;
        try
        {
            var connection = $"Host=127.0.0.1;Port=1;Database=soak;Username=soak;Password={Password}";
            var file = Path.Combine(directory, "db.txt");
            await File.WriteAllTextAsync(file, connection + "\n");

            var fromFile = await CliProcess.RunAsync(new CliStart(TimeSpan.FromSeconds(60),
                "run", "--duration", "10s", "--db-file", file, "--report-dir", Path.Combine(directory, "reports")));
            var fromEnvironment = await CliProcess.RunAsync(new CliStart(TimeSpan.FromSeconds(60),
                "reconcile", "--db-env", "SOAK_DB") { Environment = new Dictionary<string, string> { ["SOAK_DB"] = connection } });

            foreach (var result in new[] { fromFile, fromEnvironment })
            {
                Assert.True(result.ExitCode == 3, result.ToString());
                Assert.Contains("unreachable", result.StandardError);
                Assert.DoesNotContain(Password, result.StandardOutput + result.StandardError);
            }

            Assert.False(Directory.Exists(Path.Combine(directory, "reports")), "a rejected run left its report folder");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
