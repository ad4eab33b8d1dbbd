using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Run;

/// <summary>Everything that defines one soak run. <see cref="Duration"/> is wall time; <see cref="Speed"/> multiplies
/// simulated market time against it, so a day of market activity can be compressed.</summary>
public sealed record RunSettings(
    TimeSpan Duration,
    IReadOnlyList<Instrument> Instruments,
    int Seed,
    MarketSettings Market,
    double Speed,
    TimeSpan SampleInterval,
    TimeSpan ProgressInterval,
    CriteriaThresholds Criteria)
{
    public const string TestType = "continuous_operation";

    public IEnumerable<Symbol> Symbols => Instruments.Select(i => i.Symbol);
}

/// <summary>Success criteria; defaults are the seed's (see docs/report-format.md for the reasoning behind each).</summary>
public sealed record CriteriaThresholds(
    double MaxCpuPercent = 80,
    double MaxErrorRatePerHour = 1,
    double MaxMemoryGrowthMbPerHour = 50,
    long MaxCriticalErrors = 0);
