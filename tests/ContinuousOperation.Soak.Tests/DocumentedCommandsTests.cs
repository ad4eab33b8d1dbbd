using System.Text.RegularExpressions;

namespace ContinuousOperation.Soak.Tests;

/// <summary>
/// The documents' commands work when pasted. Every command of README.md and docs/operations.md that starts the CLI is
/// run by bash, as written, against the built CLI: a <c>run</c> or <c>cluster</c> with <c>--dry-run</c> appended (the
/// documented runs last minutes to days; a dry run checks every option and the configuration in a second) must exit 0;
/// a command whose input only a real run makes (<c>reconcile</c> of its journal, <c>compare</c> of its reports,
/// <c>run --resume</c> of its folder) must get past the parser and stop, exit 2, on that missing input alone.
/// </summary>
public sealed partial class DocumentedCommandsTests : IDisposable
{
    private static readonly string[] Documents = ["README.md", Path.Combine("docs", "operations.md")];

    /// <summary>A connection string for the documented PostgreSQL commands: a dry run parses it and never connects.</summary>
    private const string PostgreSql = "Host=127.0.0.1;Port=5432;Database=soak;Username=soak;Password=soak";

    /// <summary>A shell function <c>continuous-operation</c> that starts the built CLI, a run or a cluster as a dry run.</summary>
    private static readonly string Shim = $$"""
        {{DocumentedCommands.Cli}}() {
          case "$1" in
            run|cluster) [[ " $* " == *" --resume "* ]] || set -- "$@" --dry-run ;;
          esac
          dotnet '{{Path.Combine(AppContext.BaseDirectory, "continuous-operation.dll")}}' "$@"
        }

        """.ReplaceLineEndings("\n");

    private readonly string _folder = Directory.CreateTempSubdirectory("documented-commands-").FullName;

    public static TheoryData<string> DocumentNames => new TheoryData<string>(Documents);

    [Fact]
    public async Task Every_documented_command_of_the_cli_works_as_pasted()
    {
        var commands = Documents.SelectMany(d => DocumentedCommands.In(d, File.ReadAllText(Path.Combine(Repository.Root, d)))).ToArray();
        // The documents start the CLI in every way the extraction knows, for every verb an operator runs.
        Assert.True(commands.Length >= 20, $"only {commands.Length} commands found:\n{string.Join('\n', commands.AsEnumerable())}");
        foreach (var verb in new[] { "run", "reconcile", "compare", "cluster" }) Assert.Contains(commands, c => c.Verb == verb);

        var failures = new List<string>();
        foreach (var command in commands)
        {
            var result = await BashAsync(command.Text);
            if (Problem(command, result) is { } problem) failures.Add($"{command}\n  {problem}\n  {result.ToString().Replace("\n", "\n  ")}");
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void No_documented_shell_command_needs_sudo(string document)
    {
        var lines = DocumentedCommands.ShellLines(File.ReadAllText(Path.Combine(Repository.Root, document)));

        // A root shell or a container has no sudo; a command that needs privileges says how to get them another way.
        Assert.DoesNotContain(lines, line => Sudo().IsMatch(line.Text));
    }

    [Fact]
    public void The_extraction_finds_each_way_of_starting_the_cli_and_stops_at_the_end_of_the_command()
    {
        const string markdown = """
            ```bash
            dotnet run --project src/ContinuousOperation.Cli -c Release -- run --quick
            for s in 1 2; do uptime; dotnet src/ContinuousOperation.Cli/bin/Release/net10.0/continuous-operation.dll run \
              --speed $s --report-dir "/tmp/a b"; done
            $cli compare a.json b.json || gate=$?   # a comment
            dotnet-counters monitor -n continuous-operation --counters ContinuousOperation
            ```
            ```
            continuous-operation run [--quick]
            ```
            """;

        var commands = DocumentedCommands.In("x.md", markdown).Select(c => (c.Line, c.Verb, c.Text)).ToArray();

        Assert.Equal(
            [
                (2, "run", "continuous-operation run --quick"),
                (3, "run", "continuous-operation run --speed $s --report-dir \"/tmp/a b\""),
                (5, "compare", "continuous-operation compare a.json b.json"),
            ],
            commands);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>What is wrong with the command's result, or null. A parse error ends with "(see --help)".</summary>
    private static string? Problem(DocumentedCommand command, CliResult result)
    {
        var dryRun = command.Verb is "run" or "cluster" && !command.Text.Contains("--resume");
        if (dryRun)
        {
            return result.ExitCode == 0 && result.StandardOutput.Contains("Dry run:") ? null : "expected a dry run that exits 0";
        }

        var oneLine = result.StandardError.Trim().Split('\n').Length == 1;
        return result.ExitCode == 2 && oneLine && !result.StandardError.Contains("(see --help)")
            ? null
            : "expected exit 2 with one line on stderr about an input that only a real run makes, not a usage error";
    }

    /// <summary>Runs the command with bash in an empty folder, with the variables the documents' blocks set.</summary>
    private Task<CliResult> BashAsync(string command) =>
        ProgramProcess.RunAsync("bash", ["-c", Shim + command], _folder, new Dictionary<string, string>
        {
            ["cli"] = DocumentedCommands.Cli,
            ["ARTIFACTS"] = Path.Combine(_folder, "artifacts"),
            ["run"] = Path.Combine(_folder, "soak", "run_never"),
            ["s"] = "60",
            ["db"] = PostgreSql,
            ["SOAK_DB"] = PostgreSql,
            ["CONTINUOUS_OPERATION_POSTGRES"] = PostgreSql,
        }, TimeSpan.FromMinutes(1));

    [GeneratedRegex(@"(^|[\s;&|(`])sudo\s")]
    private static partial Regex Sudo();
}
