using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Tests.Reporting;

/// <summary>A passing one-hour report to start from; each test changes, with <c>with</c>, only what it is about.</summary>
internal static class ReportFixtures
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Flat memory sampled every 2 minutes, so every criterion is judged, and passes.</summary>
    public static RunReport Passing() => Build(new RunResult(
        new MetricsSnapshot(Start, TimeSpan.FromHours(1), new Dictionary<TradingCounter, long> { [TradingCounter.OrdersPlaced] = 120 },
            Criteria.RunFixtures.Series(TimeSpan.FromHours(1), TimeSpan.FromMinutes(2), (_, _) => 100), [],
            Activity: Criteria.RunFixtures.SteadyTrading(TimeSpan.FromHours(1))),
        Consistent, false, Start, Start.AddHours(1)));

    /// <summary>The report of a one-hour run on one symbol with <paramref name="result"/>, judged with
    /// <paramref name="criteria"/> (the defaults when null).</summary>
    public static RunReport Build(RunResult result, CriteriaThresholds? criteria = null) => RunReportBuilder.Build(
        new RunSettings(TimeSpan.FromHours(1), InstrumentCatalog.First(1), 42, new MarketSettings(), 1,
            TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), criteria ?? new CriteriaThresholds()) { Run = RunId.New(Start, 42, new Random(1)) },
        new DatabaseDescription("sqlite", "journal.db"),
        result);

    public static ConsistencyReport Consistent =>
        new(Enum.GetValues<Invariant>().Select(Holding).ToArray(), [new Symbol("BTC-USDT")], 100, 200);

    public static ResourceEntry Sample(double elapsedSeconds, double workingSetMb = 100, ActivityCounts? activity = null) =>
        new(Start.AddSeconds(elapsedSeconds), elapsedSeconds, workingSetMb, workingSetMb / 2, 0, 0, 0, 10, 20, 30,
            Activity: activity);

    public static CriterionResult Failed(string name, double observed, double threshold, string unit, string note) =>
        new(name, threshold, observed, unit, CriterionOutcome.Fail, "limit", note);

    public static CriterionResult Inconclusive(string name, string unit, string rule, string note) =>
        new(name, 50, 0, unit, CriterionOutcome.Inconclusive, rule, note);

    /// <summary>The consistency section with <paramref name="name"/> violated by one violation per id group.</summary>
    public static ConsistencySection Violating(ConsistencySection consistency, string name, params string[][] ids) =>
        consistency with
        {
            Valid = false,
            Invariants = consistency.Invariants
                .Select(i => i.Name != name ? i : i with { Holds = false, State = "violated", Violations = ids.Select(g => new ViolationEntry("BTC-USDT", "broken", g)).ToArray() })
                .ToArray(),
        };

    private static InvariantResult Holding(Invariant invariant) =>
        new(invariant, InvariantCatalog.NameOf(invariant), InvariantCatalog.DescriptionOf(invariant), InvariantState.Holds, []);

    /// <summary>Two faults: a trader crash recovered in 2 s, and an order-book crash that missed its deadline.</summary>
    public static FaultSection TwoFaults() => new("heavy",
        [new FaultKindTotals("trader-crash", 1, 1, 0, 0, 2, 2), new FaultKindTotals("order-book-crash", 1, 0, 1, 0, null, null)],
        [
            new FaultTimelineEntry(1, "trader-crash", "trader BTC-USDT", 12, Start, Start, Start.AddSeconds(2), 2, 30,
                FaultOutcome.Recovered),
            new FaultTimelineEntry(2, "order-book-crash", "order book BTC-USDT", 40, Start, Start, null, null, 30,
                FaultOutcome.Missed),
        ]);
}
