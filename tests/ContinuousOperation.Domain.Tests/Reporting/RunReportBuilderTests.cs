using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Run;
using static ContinuousOperation.Domain.Tests.Criteria.RunFixtures;

namespace ContinuousOperation.Domain.Tests.Reporting;

public sealed class RunReportBuilderTests
{
    private static readonly DatabaseDescription Sqlite = new("sqlite", "/tmp/run/journal.db");

    private static readonly RunSettings Settings = new(
        TimeSpan.FromHours(2), InstrumentCatalog.First(2), Seed: 42, new MarketSettings(MarketCondition.Volatile), Speed: 5,
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), new CriteriaThresholds())
    {
        Run = RunId.New(new DateTimeOffset(2026, 11, 27, 8, 30, 0, TimeSpan.Zero), 42, new Random(1)),
    };

    private static readonly Dictionary<TradingCounter, long> Counters = new()
    {
        [TradingCounter.OrdersPlaced] = 250, [TradingCounter.OrdersFilled] = 200, [TradingCounter.OrdersCancelled] = 40,
        [TradingCounter.PositionsOpened] = 30, [TradingCounter.PositionsClosed] = 29, [TradingCounter.WebsocketReconnects] = 2,
    };

    private static RunResult Result(bool interrupted = false, ConsistencyReport? consistency = null) => new(
        Metrics(TimeSpan.FromHours(1.5),
            [Sample(TimeSpan.FromMinutes(1), 200, 10), Sample(TimeSpan.FromMinutes(2), 300, 20)],
            [Errors(1, kind: ErrorKind.Database), Errors(2, kind: ErrorKind.Api)],
            Counters),
        consistency ?? Reconciliation(), interrupted, Start, Start.AddHours(1.5));

    [Fact]
    public void Seed_metrics_are_taken_from_counters_errors_and_samples()
    {
        var m = RunReportBuilder.Build(Settings, Sqlite, Result()).Metrics;

        Assert.Equal(
            new ReportMetrics(UptimeHours: 1.5, TotalErrors: 3, ErrorRatePerHour: 2, AverageMemoryMb: 250, PeakMemoryMb: 300,
                AverageCpuPercent: 15, PositionsOpened: 30, PositionsClosed: 29, OrdersPlaced: 250, OrdersFilled: 200,
                OrdersCancelled: 40, WebsocketReconnects: 2, DatabaseErrors: 1, ApiErrors: 2),
            m);
    }

    [Fact]
    public void Duration_is_the_configured_one_and_uptime_the_actual()
    {
        var report = RunReportBuilder.Build(Settings, Sqlite, Result());

        Assert.Equal(2, report.DurationHours);
        Assert.Equal(1.5, report.Metrics.UptimeHours);
        Assert.Equal(RunSettings.TestType, report.TestType);
    }

    [Fact]
    public void Success_follows_the_criteria()
    {
        // Three errors in 1.5 h is 2 errors/h, above the default limit of 1.
        var report = RunReportBuilder.Build(Settings, Sqlite, Result());

        Assert.False(report.Success);
        Assert.Contains(report.Criteria, c => c is { Name: "error_rate", Result: CriterionOutcome.Fail });
    }

    [Fact]
    public void An_interrupted_run_is_not_a_success_even_when_every_criterion_passes()
    {
        var lenient = Settings with { Criteria = new CriteriaThresholds(MaxErrorRatePerHour: 100) };

        Assert.True(RunReportBuilder.Build(lenient, Sqlite, Result()).Success);
        var interrupted = RunReportBuilder.Build(lenient, Sqlite, Result(interrupted: true));
        Assert.False(interrupted.Success);
        Assert.True(interrupted.Interrupted);
    }

    [Fact]
    public void Violations_keep_their_ids_and_consistency_valid_follows_the_invariants()
    {
        var report = RunReportBuilder.Build(Settings, Sqlite, Result(consistency: Reconciliation(Invariant.FillsExactlyOnce)));

        Assert.False(report.ConsistencyValid);
        var broken = Assert.Single(report.Consistency.Invariants, i => !i.Holds);
        Assert.Equal("fills_exactly_once", broken.Name);
        Assert.Equal(["order-1", "fill-7"], Assert.Single(broken.Violations).Ids);
    }

    [Fact]
    public void Configuration_records_what_is_needed_to_repeat_the_run()
    {
        var configuration = RunReportBuilder.Build(Settings, Sqlite, Result()).Configuration;

        Assert.Equal(42, configuration.Seed);
        Assert.Equal(["BTC-USDT", "ETH-USDT"], configuration.Symbols);
        Assert.Equal("volatile", configuration.Market);
        Assert.Equal(5, configuration.Speed);
        Assert.Equal(Sqlite, configuration.Database);
    }

    [Fact]
    public void Injected_errors_count_in_database_and_api_errors_but_not_in_total_errors()
    {
        var result = Result() with
        {
            Metrics = Metrics(TimeSpan.FromHours(1.5), [Sample(TimeSpan.FromMinutes(1), 200, 10)],
                [Errors(4, kind: ErrorKind.Database, severity: ErrorSeverity.Injected), Errors(1, kind: ErrorKind.Api)], Counters),
        };

        var m = RunReportBuilder.Build(Settings, Sqlite, result).Metrics;

        Assert.Equal((4L, 1L, 1L), (m.DatabaseErrors, m.ApiErrors, m.TotalErrors));
    }

    [Fact]
    public void The_fault_section_has_totals_per_kind_and_the_timeline()
    {
        var ledger = new FaultLedger([new Symbol("BTC-USDT")]);
        var crash = new ScheduledFault(1, TimeSpan.FromSeconds(90), FaultKind.TraderCrash, new Symbol("BTC-USDT"), null,
            TimeSpan.Zero, 1, TimeSpan.FromSeconds(30));
        ledger.Injected(crash, Start);
        ledger.Applied(1, Start);
        ledger.Observe(new EntityRecovered(EntityKind.Trader, new Symbol("BTC-USDT"), Start.AddSeconds(2)));

        var faults = RunReportBuilder.Build(Settings, Sqlite, Result() with { Faults = ledger.Report("heavy") }).Faults!;

        Assert.Equal("heavy", faults.Profile);
        Assert.Equal(new FaultKindTotals("trader-crash", 1, 1, 0, 0, 2, 2), Assert.Single(faults.Totals));
        var entry = Assert.Single(faults.Timeline);
        Assert.Equal((1, "trader BTC-USDT", 90.0, 2.0, FaultOutcome.Recovered),
            (entry.Id, entry.Target, entry.SimulatedAtSeconds, entry.SecondsToRecover, entry.Outcome));
    }

    [Fact]
    public void A_run_without_faults_has_no_fault_section()
    {
        Assert.Null(RunReportBuilder.Build(Settings, Sqlite, Result()).Faults);
        Assert.Null(RunReportBuilder.Build(Settings, Sqlite, Result() with { Faults = FaultReport.None }).Faults);
    }
}
