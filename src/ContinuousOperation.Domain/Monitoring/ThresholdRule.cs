namespace ContinuousOperation.Domain.Monitoring;

/// <summary>
/// Raises an alert when a measure crosses its threshold upwards, once per crossing: while the measure stays above,
/// further samples are quiet; once it falls back to or below the threshold the rule re-arms. An alert per sample
/// would bury the log of a long run under one repeated warning.
/// </summary>
public sealed class ThresholdRule(AnomalyKind kind, double threshold, Func<ResourceSample, double> measure)
{
    private bool above;

    public AnomalyAlert? Evaluate(ResourceSample sample)
    {
        var value = measure(sample);
        var wasAbove = above;
        above = value > threshold;
        return above && !wasAbove ? new AnomalyAlert(kind, sample.At, sample.Elapsed, value, threshold) : null;
    }
}
