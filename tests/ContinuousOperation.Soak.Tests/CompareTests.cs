using System.Text.Json.Nodes;

namespace ContinuousOperation.Soak.Tests;

[Collection(PassingRunCollection.Name)]
public sealed class CompareTests(PassingRunFixture run) : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(1);
    private readonly string _folder = Directory.CreateTempSubdirectory("compare-").FullName;

    private string Baseline => Assert.Single(Directory.GetFiles(run.RunFolder, "continuous_operation_*.json"));

    /// <summary>The run's own report with its peak memory raised by half.</summary>
    private string WorseReport()
    {
        var report = JsonNode.Parse(File.ReadAllText(Baseline))!;
        report["metrics"]!["peak_memory_mb"] = report["metrics"]!["peak_memory_mb"]!.GetValue<double>() * 1.5;
        var path = Path.Combine(_folder, "worse.json");
        File.WriteAllText(path, report.ToJsonString());
        return path;
    }

    [Fact]
    public async Task A_report_compared_with_itself_shows_no_change_and_passes_the_gate()
    {
        var result = await CliProcess.RunAsync(TimeLimit, "compare", Baseline, Baseline, "--fail-on-regression", "0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(baseline)", result.StandardOutput);
        Assert.Contains("No regression beyond 0 % against the baseline.", result.StandardOutput);
    }

    [Fact]
    public async Task A_regression_beyond_the_gate_exits_1_and_says_which_figure()
    {
        var worse = WorseReport();

        var gated = await CliProcess.RunAsync(TimeLimit, "compare", Baseline, worse, "--fail-on-regression", "10");
        var ungated = await CliProcess.RunAsync(TimeLimit, "compare", Baseline, worse);

        Assert.True(gated.ExitCode == 1, gated.ToString());
        Assert.Contains($"REGRESSION {worse}: peak memory", gated.StandardOutput);
        Assert.Contains("(+50%) !", gated.StandardOutput);
        Assert.True(ungated.ExitCode == 0, ungated.ToString());
    }

    [Theory]
    [InlineData("missing.json", null, "cannot be read")]
    [InlineData("garbage.json", "not json at all", "not valid JSON")]
    [InlineData("other.json", """{ "test_type": "latency" }""", "not a continuous-operation report")]
    public async Task An_unreadable_report_is_one_line_and_exit_2(string name, string? content, string message)
    {
        var path = Path.Combine(_folder, name);
        if (content is not null) File.WriteAllText(path, content);

        var result = await CliProcess.RunAsync(TimeLimit, "compare", Baseline, path);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line);
        Assert.Empty(result.StandardOutput);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
