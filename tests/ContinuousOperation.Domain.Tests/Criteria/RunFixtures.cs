using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Criteria;

/// <summary>Small builders for metrics and consistency reports, so each test states only what it is about.</summary>
internal static class RunFixtures
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The managed heap is half the working set unless given.</summary>
    public static ResourceSample Sample(TimeSpan elapsed, double workingSetMb, double cpuPercent = 10, double? managedHeapMb = null) =>
        new(Start + elapsed, elapsed, workingSetMb, managedHeapMb ?? workingSetMb / 2, 0, 0, 0, cpuPercent, cpuPercent * 2, 20);

    /// <summary>Samples every <paramref name="interval"/> over <paramref name="length"/>, memory given by a function of hours.</summary>
    public static IReadOnlyList<ResourceSample> Series(TimeSpan length, TimeSpan interval, Func<double, int, double> memoryAtHour, double cpuPercent = 10) =>
        Enumerable.Range(0, (int)(length / interval) + 1)
            .Select(i => Sample(interval * i, memoryAtHour((interval * i).TotalHours, i), cpuPercent))
            .ToArray();

    /// <summary>Working set and managed heap given as functions of the hour and the sample's index.</summary>
    public static IReadOnlyList<ResourceSample> Series(
        TimeSpan length, TimeSpan interval, Func<double, int, double> workingSetAtHour, Func<double, int, double> heapAtHour) =>
        Enumerable.Range(0, (int)(length / interval) + 1)
            .Select(i =>
            {
                var hours = (interval * i).TotalHours;
                return Sample(interval * i, workingSetAtHour(hours, i), managedHeapMb: heapAtHour(hours, i));
            })
            .ToArray();

    /// <summary>Metrics of a run whose one symbol traded steadily throughout, unless told otherwise.</summary>
    public static MetricsSnapshot Metrics(
        TimeSpan elapsed, IReadOnlyList<ResourceSample>? samples = null, IReadOnlyList<ErrorSummary>? errors = null,
        IReadOnlyDictionary<TradingCounter, long>? counters = null, TimeSpan? runDuration = null) =>
        new(Start, elapsed, counters ?? new Dictionary<TradingCounter, long>(), samples ?? [], errors ?? [], runDuration,
            Activity: SteadyTrading(elapsed));

    /// <summary>BTC-USDT placing 30 orders and getting 30 fills per minute at speed 1, never silent for more than 10 s.</summary>
    public static TradingActivity SteadyTrading(TimeSpan window) => new(window, window,
        [new SymbolActivity(new Symbol("BTC-USDT"), (long)(window.TotalMinutes * 30), (long)(window.TotalMinutes * 30), TimeSpan.FromSeconds(10))]);

    public static ErrorSummary Errors(long count, ErrorSeverity severity = ErrorSeverity.Error, ErrorKind kind = ErrorKind.Api) =>
        new(kind, severity, "exchange", count, Start, Start.AddMinutes(1), "timeout");

    public static ConsistencyReport Reconciliation(params Invariant[] violated) =>
        new(Enum.GetValues<Invariant>().Select(i => Result(i, violated.Contains(i))).ToArray(),
            [new Symbol("BTC-USDT")], TraderEventsRead: 100, ExchangeEventsRead: 200);

    private static InvariantResult Result(Invariant invariant, bool violated) =>
        new(invariant, InvariantCatalog.NameOf(invariant), InvariantCatalog.DescriptionOf(invariant),
            violated ? InvariantState.Violated : InvariantState.Holds,
            violated ? [new Violation(invariant, new Symbol("BTC-USDT"), "broken", ["order-1", "fill-7"])] : []);
}
