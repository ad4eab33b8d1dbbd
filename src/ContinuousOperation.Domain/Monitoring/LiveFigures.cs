namespace ContinuousOperation.Domain.Monitoring;

/// <summary>The run's figures as they stand, for a display that refreshes every second (independent of the sample
/// interval): cheap to take, no effect on the run. The order round trip's p99 is the run's so far, null before the
/// first order.</summary>
public sealed record LiveFigures(
    TimeSpan Elapsed, TimeSpan RunDuration, long Orders, long Fills, long Errors, long FaultsInjected, int FaultsInEffect,
    double? OrderRoundTripP99Ms);
