using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>Where the journal lives, described without credentials: <c>sqlite</c> with its file path, or
/// <c>postgresql</c> with host and database name.</summary>
public sealed record DatabaseDescription(string Kind, string Location);

/// <summary>The run's id (it names the run's journals and manifest in the database) and everything needed to repeat
/// the run: same seed and settings give the same market (and, with the same
/// <see cref="FaultProfile"/>, the same faults at the same simulated times).</summary>
public sealed record ReportConfiguration(
    string RunId,
    double DurationHours,
    int Seed,
    IReadOnlyList<string> Symbols,
    string Market,
    double DailyVolatility,
    double Speed,
    double SampleIntervalSeconds,
    double ProgressIntervalSeconds,
    DatabaseDescription Database,
    CriteriaThresholds Criteria,
    double SelfTestLeakMbPerMinute,
    string FaultProfile)
{
    /// <summary>How often the journals were reconciled while the run went on (<c>--reconcile-interval</c>).</summary>
    public double ReconcileIntervalSeconds { get; init; }

    public static ReportConfiguration From(RunSettings settings, DatabaseDescription database) => new(
        settings.Run.Value,
        settings.Duration.TotalHours,
        settings.Seed,
        settings.Symbols.Select(s => s.Value).ToArray(),
        settings.Market.Condition.ToString().ToLowerInvariant(),
        settings.Market.DailyVolatility,
        settings.Speed,
        settings.SampleInterval.TotalSeconds,
        settings.ProgressInterval.TotalSeconds,
        database,
        settings.Criteria,
        settings.SelfTestLeakMbPerMinute,
        settings.Faults.Name)
    {
        ReconcileIntervalSeconds = settings.ReconcileInterval.TotalSeconds,
    };
}
