using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Run;
using static ContinuousOperation.Domain.Tests.Criteria.RunFixtures;

namespace ContinuousOperation.Domain.Tests.Reporting;

public sealed class RunSummaryTests
{
    private static RunReport Report(bool interrupted, params Invariant[] violated) => RunReportBuilder.Build(
        new RunSettings(TimeSpan.FromHours(1), InstrumentCatalog.First(1), 7, new MarketSettings(), 1,
            TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), new CriteriaThresholds()) { Run = RunId.New(Start, 7, new Random(1)) },
        new DatabaseDescription("sqlite", "journal.db"),
        new RunResult(Metrics(TimeSpan.FromHours(1)), Reconciliation(violated), interrupted, Start, Start.AddHours(1)));

    [Fact]
    public void Verdict_and_exit_code_come_first()
    {
        Assert.StartsWith("Continuous operation run PASSED (exit code 0)", RunSummary.Render(Report(false), 0));
        Assert.StartsWith("Continuous operation run INTERRUPTED (exit code 130)", RunSummary.Render(Report(true), 130));
    }

    [Fact]
    public void The_run_id_is_printed_next_to_the_seed()
    {
        var report = Report(false);

        Assert.Matches(@"^20\d{6}T\d{6}Z-7-[0-9a-f]{4}$", report.Configuration.RunId);
        Assert.Contains($"  run {report.Configuration.RunId}, seed 7, symbols BTC-USDT,", RunSummary.Render(report, 0));
    }

    [Fact]
    public void A_violated_invariant_is_listed_with_its_ids()
    {
        var summary = RunSummary.Render(Report(false, Invariant.NoOrphanedOrders), 1);

        Assert.StartsWith("Continuous operation run FAILED (exit code 1)", summary);
        Assert.Matches(@"\n  FAIL +position_consistency ", summary);
        Assert.Contains("no_orphaned_orders: 1 violation(s)", summary);
        Assert.Contains("[order-1, fill-7]", summary);
    }
}
