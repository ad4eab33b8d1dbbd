using System.Text.RegularExpressions;

namespace ContinuousOperation.Soak.Tests;

/// <summary>
/// The CLI as a hostile user drives it: every malformed invocation ends with its exit code (2 for usage, 3 for
/// infrastructure), exactly one line on stderr, no stack trace, and nothing left behind. Each case runs as a real
/// process in a fresh working directory holding only the fixture files below; a run's <c>--report-dir</c> is inside
/// it, so "nothing left behind" means the directory holds exactly the fixtures afterwards. Every case is rejected
/// before an actor system starts, so each takes about as long as the runtime takes to start.
/// </summary>
public sealed partial class HostileInputTests
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>Files every case finds in its working directory, by name.</summary>
    private static readonly Dictionary<string, string> Fixtures = new()
    {
        ["braces.hocon"] = "{{{",
        ["unclosed.hocon"] = "akka {\n  loglevel = INFO\n",
        ["stray-close.hocon"] = "akka.loglevel = INFO\n}\n",
        ["unclosed-string.hocon"] = "akka.loglevel = \"INFO\n",
        ["loglevel-number.hocon"] = "akka.loglevel = 42",
        ["loglevel-word.hocon"] = "akka { loglevel = LOUD }",
        ["stdout-loglevel.hocon"] = "akka.stdout-loglevel = verbose",
        ["parallelism-word.hocon"] = "akka.persistence.journal.sql.parallelism = not-a-number",
        ["parallelism-zero.hocon"] = "akka.persistence.journal.sql.parallelism = 0",
        ["batch-size-negative.hocon"] = "akka.persistence.journal.sql.batch-size = -5",
        ["buffer-size-fraction.hocon"] = "akka.persistence.journal.sql.buffer-size = 1.5",
        ["replay-batch-size-word.hocon"] = "akka.persistence.journal.sql.replay-batch-size = lots",
        ["refresh-interval-word.hocon"] = "akka.persistence.query.journal.sql.refresh-interval = soon",
        ["phase-timeout-zero.hocon"] = "akka.coordinated-shutdown.default-phase-timeout = 0s",
        ["tag-write-mode.hocon"] = "akka.persistence.journal.sql.tag-write-mode = Sometimes",
        ["isolation-level.hocon"] = "akka.persistence.journal.sql.read-isolation-level = dirty",
        ["throughput-word.hocon"] = "akka.actor.default-dispatcher.throughput = many",
        ["log-config-maybe.hocon"] = "akka.log-config-on-start = maybe",
        ["missing-include.hocon"] = "include \"not-there.conf\"",
        ["unresolved.hocon"] = "akka.loglevel = ${akka.nothing}",
        ["faults-empty.hocon"] = "",
        ["faults-unknown-kind.hocon"] = "faults { meteor-strike { rate-per-hour = 1, recovery-deadline = 30s } }",
        ["faults-negative-rate.hocon"] = "faults { trader-crash { rate-per-hour = -1, recovery-deadline = 30s } }",
        ["faults-no-deadline.hocon"] = "faults { trader-crash { rate-per-hour = 1 } }",
        ["faults-unclosed.hocon"] = "faults { trader-crash { rate-per-hour = 1, recovery-deadline = 30s }",
        ["empty.txt"] = "",
        ["not-a-database.db"] = new string('x', 8192),
        ["not-a-report.json"] = "{ \"hello\": 1 }",
    };

    public static TheoryData<int, string[]> Cases()
    {
        var cases = new TheoryData<int, string[]>();
        void Usage(params string[] arguments) => cases.Add(2, arguments);

        // Every numeric option of run with every kind of non-number (the empty one as its own token).
        string[] numbers = ["--seed", "--symbol-count", "--volatility", "--speed", "--max-cpu-percent", "--max-error-rate",
            "--max-memory-growth-mb-per-hour", "--self-test-leak"];
        foreach (var option in numbers)
        {
            foreach (var value in new[] { "abc", "NaN", "Infinity", "-Infinity", "1e400", "" }) Usage("run", option, value);
        }

        foreach (var option in new[] { "--duration", "--sample-interval", "--progress-interval", "--reconcile-interval", "--memory-warm-up", "--max-order-latency-p99" })
        {
            foreach (var value in new[] { "abc", "NaN", "0", "-5m", "" }) Usage("run", option, value);
        }

        // A unit is never guessed: only --duration reads a bare number (as hours).
        foreach (var option in new[] { "--sample-interval", "--progress-interval", "--reconcile-interval", "--memory-warm-up", "--max-symbol-silence" })
        {
            Usage("run", option, "5");
        }

        // Beyond the bounds.
        Usage("run", "--speed", "1e12");
        Usage("run", "--speed", "0");
        Usage("run", "--speed", "-0");
        Usage("run", "--speed", "-1");
        Usage("run", "--speed", "1e-300");
        Usage("run", "--speed", "0.001");
        Usage("run", "--volatility", "1e9");
        Usage("run", "--volatility", "0");
        Usage("run", "--symbol-count", "0");
        Usage("run", "--symbol-count", "1001");
        Usage("run", "--symbol-count", "1.5");
        Usage("run", "--seed", "-1");
        Usage("run", "--seed", "2147483648");
        Usage("run", "--max-cpu-percent", "101");
        Usage("run", "--max-cpu-percent", "0");
        Usage("run", "--max-error-rate", "0");
        Usage("run", "--max-memory-growth-mb-per-hour", "-1");
        Usage("run", "--self-test-leak", "1e6");
        Usage("run", "--duration", "800h");
        Usage("run", "--duration", "99999999999999999999h");
        Usage("run", "--sample-interval", "0.5s");
        Usage("run", "--progress-interval", "2h");
        Usage("run", "--duration", "10s", "--sample-interval", "20s");
        Usage("run", "--reconcile-interval", "0.5s");
        Usage("run", "--duration", "10s", "--reconcile-interval", "20s");
        Usage("run", "--duration", "10m", "--memory-warm-up", "10m");

        // Empty and malformed text.
        Usage("run", "--report-dir", "");
        Usage("run", "--report-dir", "  ");
        Usage("run", "--db", "");
        Usage("run", "--db-env", "");
        Usage("run", "--db-file", "");
        Usage("run", "--symbols", "");
        Usage("run", "--symbols", ",,");
        Usage("run", "--symbols", "BTC");
        Usage("run", "--symbols", "BTC-USDT,btc-usdt");
        Usage("run", "--symbols", string.Join(',', Enumerable.Range(0, 1_001).Select(i => $"S{i}-USDT")));
        Usage("run", "--faults", "");
        Usage("run", "--faults", "tornado");
        Usage("run", "--config", "");
        Usage("run", "--config", "missing.hocon");
        Usage("run", "--market", "sideways");
        Usage("run", "--market", "1");
        Usage("run", "--seed");
        Usage("run", "--frobnicate");
        Usage("run", "extra-argument");
        Usage("fly");
        Usage("run", "--quick", "--duration", "1h");
        Usage("run", "--symbols", "BTC-USDT", "--symbol-count", "2");

        // The database, named badly.
        Usage("run", "--db", "Host=;Database=d");
        Usage("run", "--db", "Host= ;Database=d;Password=secret");
        Usage("run", "--db", "Colour=blue;Password=secret");
        Usage("run", "--db", "Host=127.0.0.1;Port=notaport");
        Usage("run", "--db", "Host=127.0.0.1;Port=99999");
        Usage("reconcile", "--db", "Host=127.0.0.1;Port=0");
        Usage("run", "--db", "Host=127.0.0.1;Timeout=-5");
        Usage("run", "@missing.rsp");
        Usage("run", "--seed", "1", "--seed", "2");
        Usage("run", "--db", "Data Source=");
        Usage("run", "--db", "x.db", "--db-env", "SOME_VARIABLE");
        Usage("run", "--db-env", "CONTINUOUS_OPERATION_SURELY_UNSET");
        Usage("run", "--db-file", "missing.txt");
        Usage("run", "--db-file", "empty.txt");

        // --config files that are not HOCON, or set a known key to a wrong value.
        foreach (var file in Fixtures.Keys.Where(f => f.EndsWith(".hocon") && !f.StartsWith("faults-"))) Usage("run", "--config", file);

        // --faults files that do not describe a profile.
        foreach (var file in Fixtures.Keys.Where(f => f.StartsWith("faults-"))) Usage("run", "--faults", file);

        // compare and reconcile misused.
        foreach (var value in new[] { "NaN", "Infinity", "-Infinity", "-1", "abc", "" }) Usage("compare", "--fail-on-regression", value, "not-a-report.json");
        Usage("compare");
        Usage("compare", "missing.json");
        Usage("compare", "not-a-report.json");
        Usage("compare", ".");
        Usage("reconcile");
        Usage("reconcile", "--db", "");
        Usage("reconcile", "--db", "missing.db");
        Usage("reconcile", "--db", "Host=;Database=d");
        Usage("reconcile", "--db", "x.db", "--db-file", "empty.txt");
        Usage("reconcile", "--db-env", "CONTINUOUS_OPERATION_SURELY_UNSET");
        cases.Add(3, ["reconcile", "--db", "not-a-database.db"]);
        // Nothing listens on port 1 of loopback: refused at once.
        cases.Add(3, ["run", "--db", "Host=127.0.0.1;Port=1;Database=soak;Username=soak;Password=secret"]);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_invocation_is_one_line_an_exit_code_and_no_leftovers(int exitCode, string[] arguments)
    {
        var directory = Directory.CreateTempSubdirectory("hostile-").FullName;
        try
        {
            foreach (var (name, content) in Fixtures) await File.WriteAllTextAsync(Path.Combine(directory, name), content);
            var before = Entries(directory);
            // A run writes inside the working directory, never into the repository's reports/ folder.
            string[] command = arguments is ["run", ..] && !arguments.Contains("--report-dir") ? [.. arguments, "--report-dir", "reports"] : arguments;

            var result = await CliProcess.RunAsync(new CliStart(TimeLimit, command) { WorkingDirectory = directory });

            Assert.True(result.ExitCode == exitCode, result.ToString());
            var errorLines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(errorLines.Length == 1, result.ToString());
            Assert.StartsWith("continuous-operation: ", errorLines[0]);
            Assert.False(StackFrame().IsMatch(result.StandardOutput + result.StandardError), result.ToString());
            Assert.DoesNotContain("secret", result.StandardOutput + result.StandardError);
            Assert.Equal(before, Entries(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string[] Entries(string directory) =>
        Directory.GetFileSystemEntries(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"^\s+at ", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
