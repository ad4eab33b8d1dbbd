using System.Text.Json;
using System.Xml.Linq;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The passing run lasts 20 s: far too short for memory growth at the limit (50 MB/h) to show, so memory is
/// not judged. Every format must say so, and the run still passes.</summary>
[Collection(PassingRunCollection.Name)]
public sealed class UndecidedCriteriaTests(PassingRunFixture run)
{
    private string InRunFolder(string name) => Path.Combine(run.RunFolder, name);

    [Fact]
    public void Memory_is_inconclusive_in_the_json_and_the_run_still_passes()
    {
        using var report = run.Report();
        var memory = Memory(report);

        Assert.Equal("inconclusive", memory.GetProperty("result").GetString());
        Assert.Contains(memory.GetProperty("rule").GetString(), new[] { "insufficient samples", "floor" });
        Assert.True(report.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal(0, run.Result.ExitCode);
    }

    [Fact]
    public void The_console_summary_says_what_was_not_judged()
    {
        Assert.Matches(@"Continuous operation run PASSED \(exit code 0\) — 1 criterion not judged: memory_stable \((insufficient samples|floor)\)",
            run.Result.StandardOutput);
        Assert.Matches(@"\n  inconclusive +memory_stable ", run.Result.StandardOutput);
    }

    [Fact]
    public void Markdown_and_html_show_memory_as_inconclusive()
    {
        Assert.Matches(@"\| ❔ inconclusive \| memory_stable \|", File.ReadAllText(InRunFolder("summary.md")));
        var html = File.ReadAllText(InRunFolder("report.html"));
        Assert.Contains("<tr><td><span class=\"inconclusive\">inconclusive</span></td><td>memory_stable</td>", html);
        Assert.Contains("<p class=\"not-judged\">1 criterion not judged: memory_stable", html);
    }

    [Fact]
    public void Junit_skips_the_memory_test_case_with_the_reason()
    {
        var junit = XDocument.Load(InRunFolder("junit.xml")).Root!;
        var memory = Assert.Single(junit.Descendants("testcase"), c => (string?)c.Attribute("name") == "memory_stable");

        Assert.Null(memory.Element("failure"));
        Assert.StartsWith("inconclusive: ", (string?)memory.Element("skipped")?.Attribute("message"));
        Assert.Equal(1, (int)junit.Attribute("skipped")!);
    }

    [Fact]
    public void The_latencies_are_summarised_on_the_console_and_in_the_markdown()
    {
        using var report = run.Report();
        var roundTrip = report.RootElement.GetProperty("latencies").GetProperty("order_round_trip");
        Assert.True(roundTrip.GetProperty("count").GetInt64() > 0);

        Assert.Matches(@"\nLatency \(ms\) +p50 +p99 +max +count\n  order round trip +[\d.]+ +[\d.]+ +[\d.]+ +\d+\n  fill to persist ",
            run.Result.StandardOutput);
        Assert.Matches(@"\| order round trip \| [\d.]+ ms \| [\d.]+ ms \| [\d.]+ ms \| \d+ \|", File.ReadAllText(InRunFolder("summary.md")));
    }

    private static JsonElement Memory(JsonDocument report) =>
        report.RootElement.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "memory_stable");
}
