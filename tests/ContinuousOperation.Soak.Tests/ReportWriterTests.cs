using System.Text.Json;
using ContinuousOperation.Cli.Reporting;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Soak.Tests;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("report-writer-").FullName;

    private static RunReport Report()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var metrics = new MetricsSnapshot(start, TimeSpan.FromHours(24),
            new Dictionary<TradingCounter, long> { [TradingCounter.OrdersPlaced] = 2500 },
            [new ResourceSample(start, TimeSpan.FromSeconds(30), 250.5, 120, 1, 0, 0, 15.3, 30.6, 24)],
            [new ErrorSummary(ErrorKind.Database, ErrorSeverity.Error, "journal", 1, start, start, "locked")]);
        var consistency = new ConsistencyReport(
            [new InvariantResult(Invariant.FillsExactlyOnce, "fills_exactly_once", "…", InvariantState.Holds, [])], [new Symbol("BTC-USDT")], 10, 20);
        var settings = new RunSettings(TimeSpan.FromHours(24), InstrumentCatalog.First(1), 42, new MarketSettings(), 1,
            TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), new CriteriaThresholds())
        {
            Run = RunId.New(start, 42, new Random(1)),
        };
        return RunReportBuilder.Build(settings, new DatabaseDescription("sqlite", "/tmp/journal.db"),
            new RunResult(metrics, consistency, false, start, start.AddHours(24)));
    }

    [Fact]
    public void The_seed_keys_come_first_with_their_types()
    {
        using var json = JsonDocument.Parse(ReportWriter.ToJson(Report()));
        var root = json.RootElement;

        Assert.Equal(
            ["test_type", "duration_hours", "consistency_valid", "metrics", "success"],
            root.EnumerateObject().Take(5).Select(p => p.Name));
        Assert.Equal("continuous_operation", root.GetProperty("test_type").GetString());
        Assert.Equal(24, root.GetProperty("duration_hours").GetDouble());
        Assert.Equal(JsonValueKind.True, root.GetProperty("consistency_valid").ValueKind);
        Assert.Contains(root.GetProperty("success").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });

        var metrics = root.GetProperty("metrics");
        Assert.Equal(
            ["uptime_hours", "total_errors", "error_rate_per_hour", "average_memory_mb", "peak_memory_mb", "average_cpu_percent",
             "positions_opened", "positions_closed", "orders_placed", "orders_filled", "orders_cancelled",
             "websocket_reconnects", "database_errors", "api_errors"],
            metrics.EnumerateObject().Select(p => p.Name));
        Assert.All(metrics.EnumerateObject(), p => Assert.Equal(JsonValueKind.Number, p.Value.ValueKind));
        Assert.Equal(2500, metrics.GetProperty("orders_placed").GetInt64());
        Assert.Equal(1, metrics.GetProperty("database_errors").GetInt64());
        Assert.Equal(250.5, metrics.GetProperty("average_memory_mb").GetDouble());
    }

    [Fact]
    public void Extra_sections_follow_in_snake_case()
    {
        using var json = JsonDocument.Parse(ReportWriter.ToJson(Report()));
        var root = json.RootElement;

        Assert.Equal(
            ["interrupted", "started_at", "ended_at", "criteria", "consistency", "error_analysis", "configuration", "resources", "memory_trend", "latencies", "faults", "segments", "cluster", "pace"],
            root.EnumerateObject().Skip(5).Select(p => p.Name));
        Assert.Equal("database", root.GetProperty("error_analysis")[0].GetProperty("kind").GetString());
        Assert.Equal(42, root.GetProperty("configuration").GetProperty("seed").GetInt32());
        Assert.Equal(80, root.GetProperty("configuration").GetProperty("criteria").GetProperty("max_cpu_percent").GetDouble());
        Assert.Equal(30, root.GetProperty("resources")[0].GetProperty("elapsed_seconds").GetDouble());
    }

    [Fact]
    public void Writing_leaves_the_report_its_other_formats_and_the_summary_and_no_temporary_file()
    {
        var folder = new RunFolder(_folder, "20260101_000000");

        ReportWriter.Write(folder, Report(), "summary\n");
        ReportWriter.Write(folder, Report(), "summary again\n");

        Assert.Equal(
            ["continuous_operation_20260101_000000.json", "junit.xml", "report.html", "summary.md", "summary.txt"],
            Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
        Assert.Equal("summary again\n", File.ReadAllText(folder.SummaryFile));
        using var _ = JsonDocument.Parse(File.ReadAllBytes(folder.ReportFile));
    }

    [Fact]
    public void Run_folders_are_named_after_time_and_seed_and_never_shared()
    {
        var at = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

        var first = RunFolder.Create(_folder, at, 42);
        var second = RunFolder.Create(_folder, at, 42);

        Assert.Equal("run_20260304_050607_seed42", Path.GetFileName(first.Path));
        Assert.NotEqual(first.Path, second.Path);
        Assert.EndsWith("continuous_operation_20260304_050607.json", first.ReportFile);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
