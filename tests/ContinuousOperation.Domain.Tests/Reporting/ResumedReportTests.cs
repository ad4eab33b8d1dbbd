using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Run;
using static ContinuousOperation.Domain.Tests.Criteria.RunFixtures;

namespace ContinuousOperation.Domain.Tests.Reporting;

/// <summary>A run of 2 h killed after 1 h (last checkpoint), down for 30 min, then resumed for the hour left.</summary>
public sealed class ResumedReportTests
{
    private static readonly DatabaseDescription Sqlite = new("sqlite", "/tmp/run/journal.db");
    private static readonly DateTimeOffset ResumedAt = Start.AddHours(1.5);

    private static readonly RunSettings Settings = new(
        TimeSpan.FromHours(2), InstrumentCatalog.First(1), Seed: 42, new MarketSettings(), Speed: 1,
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), new CriteriaThresholds())
    {
        Run = RunId.New(Start, 42, new Random(1)),
        Faults = FaultProfile.Light,
    };

    private static readonly FaultRecord EarlierFault = new(1, FaultKind.TraderCrash, "trader BTC-USDT", TimeSpan.FromMinutes(20),
        Start.AddMinutes(20), Start.AddMinutes(20), Start.AddMinutes(20.1), TimeSpan.FromSeconds(30), FaultOutcome.Recovered);

    private static readonly RunHistory History = new([
        new RunCheckpoint(1, Start, Start.AddHours(1), TimeSpan.FromMinutes(59), TimeSpan.Zero, TimeSpan.FromHours(1),
            new Dictionary<TradingCounter, long> { [TradingCounter.OrdersPlaced] = 600 }, [Errors(2)], [EarlierFault]),
    ]);

    /// <summary>Working set climbing steeply in the first segment, flat in the second.</summary>
    private static readonly ResourceSample[] EarlierSamples = Enumerable.Range(1, 60)
        .Select(i => Sample(TimeSpan.FromMinutes(i), 100 + 5 * i)).ToArray();

    private static RunResult Result(IReadOnlyList<ScheduledFault>? passed = null)
    {
        // The last segment's own clock starts at zero when it starts.
        var samples = Enumerable.Range(1, 60)
            .Select(i => Sample(TimeSpan.FromMinutes(i), 200) with { At = ResumedAt.AddMinutes(i) }).ToArray();
        var metrics = Metrics(TimeSpan.FromHours(1), samples, [Errors(1)],
            new Dictionary<TradingCounter, long> { [TradingCounter.OrdersPlaced] = 500 }, runDuration: TimeSpan.FromHours(1)) with
        {
            StartedAt = ResumedAt,
        };
        return new RunResult(metrics, Reconciliation(), Interrupted: false, ResumedAt, ResumedAt.AddHours(1), FaultReport.None)
        {
            History = History,
            EarlierSamples = EarlierSamples,
            FaultsPassed = passed ?? [],
            SimulatedClock = (TimeSpan.FromHours(1.01), TimeSpan.FromHours(2)),
        };
    }

    [Fact]
    public void The_report_starts_at_the_first_start_and_counts_the_gap_as_downtime_not_uptime()
    {
        var report = RunReportBuilder.Build(Settings, Sqlite, Result());

        Assert.Equal(Start, report.StartedAt);
        Assert.Equal(ResumedAt.AddHours(1), report.EndedAt);
        Assert.Equal(2, report.Metrics.UptimeHours, precision: 9);
        Assert.True(report.Metrics.UptimeHours < (report.EndedAt - report.StartedAt).TotalHours);
        var gap = Assert.Single(report.Segments!.Gaps);
        Assert.Equal((Start.AddHours(1), ResumedAt, 1800.0), (gap.From, gap.To, gap.Seconds));
        Assert.Equal(1800, report.Segments.DowntimeSeconds);
    }

    [Fact]
    public void Each_segment_is_listed_with_its_simulated_clock_which_goes_on_from_where_the_killed_one_stopped()
    {
        var segments = RunReportBuilder.Build(Settings, Sqlite, Result()).Segments!.Segments;

        Assert.Equal([1, 2], segments.Select(s => s.Segment));
        Assert.Equal([true, false], segments.Select(s => s.Killed));
        Assert.Equal(3600, segments[0].SimulatedEndSeconds);
        Assert.True(segments[1].SimulatedStartSeconds >= segments[0].SimulatedEndSeconds);
    }

    [Fact]
    public void Counters_errors_and_faults_of_the_killed_segment_are_added_to_the_last_ones()
    {
        var report = RunReportBuilder.Build(Settings, Sqlite, Result());

        Assert.Equal(1100, report.Metrics.OrdersPlaced);
        Assert.Equal(3, report.Metrics.TotalErrors);
        Assert.Equal(1.5, report.Metrics.ErrorRatePerHour, precision: 9);
        Assert.Equal(1, Assert.Single(report.ErrorAnalysis).Count - 2);
        Assert.Equal(EarlierFault.Id, Assert.Single(report.Faults!.Timeline).Id);
    }

    [Fact]
    public void Samples_of_both_segments_share_one_time_axis_from_the_first_start_so_the_gap_shows()
    {
        var resources = RunReportBuilder.Build(Settings, Sqlite, Result()).Resources;

        Assert.Equal(120, resources.Count);
        Assert.Equal(3600, resources[59].ElapsedSeconds, precision: 6);
        Assert.Equal(5460, resources[60].ElapsedSeconds, precision: 6);
    }

    [Fact]
    public void The_memory_trend_is_the_last_segments_since_a_restart_starts_the_processes_memory_afresh()
    {
        var report = RunReportBuilder.Build(Settings, Sqlite, Result());

        // The first segment grew 300 MB/h; judged over both, the drop at the restart would hide or fake a trend.
        Assert.Equal(0, report.MemoryTrend!.WorkingSet.SlopeMbPerHour, precision: 6);
        Assert.True(report.Criteria.Single(c => c.Name == "memory_stable").Result is CriterionOutcome.Pass);
    }

    [Fact]
    public void Scheduled_faults_before_the_resume_point_that_no_segment_fired_are_shown_in_the_gap_as_not_fired()
    {
        var neverFired = new ScheduledFault(2, TimeSpan.FromMinutes(59.5), FaultKind.ExchangeCrash, null, null, TimeSpan.Zero, 1,
            TimeSpan.FromSeconds(45));
        var fired = new ScheduledFault(1, EarlierFault.SimulatedAt, FaultKind.TraderCrash, new Symbol("BTC-USDT"), null,
            TimeSpan.Zero, 1, TimeSpan.FromSeconds(30));

        var report = RunReportBuilder.Build(Settings, Sqlite, Result(passed: [fired, neverFired]));

        var notFired = Assert.Single(Assert.Single(report.Segments!.Gaps).FaultsNotFired);
        Assert.Equal((2, "exchange-crash"), (notFired.Id, notFired.Kind));
        // Not a failure: no error and no unrecovered fault is added for it.
        Assert.Equal(3, report.Metrics.TotalErrors);
        Assert.Equal(0, report.Faults!.NotRecovered);
    }

    [Fact]
    public void A_run_never_resumed_has_no_segments_section()
    {
        var result = Result() with { History = RunHistory.None };

        Assert.Null(RunReportBuilder.Build(Settings, Sqlite, result).Segments);
    }
}
