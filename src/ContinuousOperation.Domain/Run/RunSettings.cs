using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Run;

/// <summary>Everything that defines one soak run. <see cref="Duration"/> is wall time; <see cref="Speed"/> multiplies
/// simulated market time against it, so a day of market activity can be compressed.
/// <see cref="SelfTestLeakMbPerMinute"/> (0 = off) makes the run retain memory on purpose, to prove that the memory
/// criterion catches a leak. <see cref="SamplesFile"/> (null = none) receives every resource sample as it is taken.</summary>
public sealed record RunSettings(
    TimeSpan Duration,
    IReadOnlyList<Instrument> Instruments,
    int Seed,
    MarketSettings Market,
    double Speed,
    TimeSpan SampleInterval,
    TimeSpan ProgressInterval,
    CriteriaThresholds Criteria,
    double SelfTestLeakMbPerMinute = 0,
    string? SamplesFile = null)
{
    public const string TestType = "continuous_operation";

    /// <summary>The run's identity: it scopes the persistence ids, so runs sharing a database never mix.</summary>
    public required RunId Run { get; init; }

    public IEnumerable<Symbol> Symbols => Instruments.Select(i => i.Symbol);

    /// <summary>Faults injected during the run (<c>--faults</c>); none by default.</summary>
    public FaultProfile Faults { get; init; } = FaultProfile.None;

    /// <summary>How often the journals are reconciled while the run goes on (<c>--reconcile-interval</c>).</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often books and traders snapshot their state (HOCON, read at the composition root).</summary>
    public SnapshotPolicy Snapshots { get; init; } = SnapshotPolicy.Default;
}

/// <summary>Success criteria; defaults are the seed's (see docs/report-format.md for the reasoning behind each).
/// <see cref="MemoryWarmUp"/> overrides how much of the start is left out of the memory trend (null: 10 % of the run,
/// at most 30 minutes). The trading floors are per symbol and simulated minute; <see cref="MaxSymbolSilence"/> is wall
/// time (docs/report-format.md, criterion <c>trading_active</c>). <see cref="MaxOrderLatencyP99"/> (null: no such
/// criterion) is the highest 99th percentile of the order round trip the run may have.</summary>
public sealed record CriteriaThresholds(
    double MaxCpuPercent = 80,
    double MaxErrorRatePerHour = 1,
    double MaxMemoryGrowthMbPerHour = 50,
    long MaxCriticalErrors = 0,
    TimeSpan? MemoryWarmUp = null,
    double MinOrdersPerSymbolMinute = 1,
    double MinFillsPerSymbolMinute = 1)
{
    public TimeSpan MaxSymbolSilence { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan? MaxOrderLatencyP99 { get; init; }
}
