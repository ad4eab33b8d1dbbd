using System.Text.RegularExpressions;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The <c>node</c> and <c>cluster</c> verbs misused: one line on stderr, exit 2, nothing left behind; each
/// case is rejected before an actor system starts.</summary>
public sealed partial class ClusterCommandLineTests
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);
    private const string Seed = "akka.tcp://continuous-operation@127.0.0.1:4053";
    private const string Postgres = "Host=127.0.0.1;Port=1;Database=soak;Username=soak;Password=secret";

    public static TheoryData<string[]> Misuses() => new()
    {
        new[] { "node" },
        new[] { "node", "--db", Postgres },
        new[] { "node", "--seed-nodes", "", "--db", Postgres },
        new[] { "node", "--seed-nodes", "127.0.0.1:4053", "--db", Postgres },
        new[] { "node", "--seed-nodes", "akka.tcp://other-system@127.0.0.1:4053", "--db", Postgres },
        new[] { "node", "--seed-nodes", "akka.tcp://continuous-operation@127.0.0.1", "--db", Postgres },
        new[] { "node", "--seed-nodes", $"{Seed},{Seed}", "--db", Postgres },
        new[] { "node", "--seed-nodes", Seed },
        new[] { "node", "--seed-nodes", Seed, "--db", Postgres, "--port", "70000" },
        new[] { "node", "--seed-nodes", Seed, "--db", Postgres, "--port", "-1" },
        new[] { "node", "--seed-nodes", Seed, "--db", Postgres, "--roles", "," },
        new[] { "node", "--seed-nodes", Seed, "--db", Postgres, "--roles", "Trading_Desk" },
        new[] { "node", "--seed-nodes", Seed, "--db", Postgres, "--launcher-pid", "0" },
        new[] { "node", "--seed-nodes", Seed, "--db", Postgres, "--hostname", "" },
        new[] { "node", "--seed-nodes", Seed, "--db", "journal.db" },
        new[] { "node", "--seed-nodes", Seed, "--db", Postgres, "--run-folder", "no-such-run" },
        new[] { "node", "--seed-nodes", Seed, "--db", Postgres, "--run-folder", "." },
        new[] { "cluster", "--db", Postgres },
        new[] { "cluster", "--nodes", "0", "--db", Postgres },
        new[] { "cluster", "--nodes", "17", "--db", Postgres },
        new[] { "cluster", "--nodes", "two", "--db", Postgres },
        new[] { "cluster", "--nodes", "2", "--base-port", "0", "--db", Postgres },
        new[] { "cluster", "--nodes", "2", "--base-port", "65530", "--db", Postgres },
        new[] { "cluster", "--nodes", "2", "--resume", "reports/run_x", "--db", Postgres },
        // The run's own rules hold for cluster too: they are the same options.
        new[] { "cluster", "--nodes", "2", "--quick", "--duration", "1h", "--db", Postgres },
        new[] { "cluster", "--nodes", "2", "--speed", "0", "--db", Postgres },
        new[] { "cluster", "--nodes", "2", "--duration", "10s", "--sample-interval", "20s", "--db", Postgres },
    };

    [Theory]
    [MemberData(nameof(Misuses))]
    public async Task A_misused_cluster_verb_is_one_line_and_exit_code_2(string[] arguments)
    {
        var (result, leftovers) = await RunInEmptyDirectoryAsync(arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("continuous-operation: ", line);
        Assert.False(StackFrame().IsMatch(result.StandardOutput + result.StandardError), result.ToString());
        Assert.DoesNotContain("secret", result.StandardOutput + result.StandardError);
        Assert.Empty(leftovers);
    }

    [Theory]
    [InlineData("cluster", "--nodes", "2", "--duration", "5s")]
    [InlineData("cluster", "--nodes", "2", "--duration", "5s", "--db", "journal.db")]
    [InlineData("node", "--seed-nodes", Seed, "--run-folder", ".", "--db", "Data Source=journal.db")]
    public async Task Cluster_mode_on_SQLite_says_how_to_get_PostgreSQL(params string[] arguments)
    {
        var (result, leftovers) = await RunInEmptyDirectoryAsync(arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("needs a PostgreSQL journal", line);
        Assert.Contains("bash .ci/postgres.sh", line);
        Assert.Empty(leftovers);
    }

    private static async Task<(CliResult Result, string[] Leftovers)> RunInEmptyDirectoryAsync(string[] arguments)
    {
        var directory = Directory.CreateTempSubdirectory("cluster-usage-").FullName;
        try
        {
            var result = await CliProcess.RunAsync(new CliStart(TimeLimit, arguments) { WorkingDirectory = directory });
            return (result, Directory.GetFileSystemEntries(directory, "*", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [GeneratedRegex(@"^\s+at ", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
