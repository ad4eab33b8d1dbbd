using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>How far a reconciliation read has come: events read, the rate so far and, when the total is known (the
/// counts a closed run recorded in its manifest), the time left at that rate. A message template plus its values, so
/// the log keeps each as a property.</summary>
public sealed record ReadProgress(long EventsRead, TimeSpan Elapsed, long? Total)
{
    public const string Template = "Reconciling: {EventsRead} of {Total} events read, {Rate} events/s, {TimeLeft} left";

    public double Rate => Elapsed > TimeSpan.Zero ? EventsRead / Elapsed.TotalSeconds : 0;

    /// <summary>Null while the total is unknown or nothing has been read yet.</summary>
    public TimeSpan? TimeLeft => Total is { } total && Rate > 0
        ? TimeSpan.FromSeconds(Math.Max(0, total - EventsRead) / Rate)
        : null;

    /// <summary>The values of <see cref="Template"/>'s properties, in order.</summary>
    public object[] Values =>
    [
        EventsRead, Total?.ToString() ?? "unknown", Math.Round(Rate),
        TimeLeft is { } left ? ProgressLine.FormatDuration(left) : "unknown",
    ];

    public override string ToString() =>
        $"Reconciling: {Values[0]} of {Values[1]} events read, {Values[2]} events/s, {Values[3]} left";
}
