namespace ContinuousOperation.Domain.Monitoring;

/// <summary>The line logged with every resource sample; like <see cref="ProgressLine"/>, a template plus its values so
/// each value is a queryable property (and the live console can pick them up).</summary>
public sealed record ResourceLine(
    string Elapsed, double WorkingSetMb, double ManagedHeapMb, double CpuPercent, int Gen2Collections, double GcPauseMs,
    int ThreadPoolThreads, long BusiestMailbox)
{
    public const string Template =
        "Resources at {Elapsed} | working set {WorkingSetMb} MB | heap {ManagedHeapMb} MB | CPU {CpuPercent}% | " +
        "gen2 {Gen2Collections} | GC pause {GcPauseMs} ms | pool threads {ThreadPoolThreads} | busiest mailbox {BusiestMailbox}";

    /// <summary>The values of <see cref="Template"/>'s properties, in order.</summary>
    public object[] Values =>
        [Elapsed, WorkingSetMb, ManagedHeapMb, CpuPercent, Gen2Collections, GcPauseMs, ThreadPoolThreads, BusiestMailbox];

    public static ResourceLine Of(ResourceSample s) => new(
        ProgressLine.FormatDuration(s.Elapsed), Math.Round(s.WorkingSetMb, 1), Math.Round(s.ManagedHeapMb, 1),
        Math.Round(s.CpuPercentOfMachine, 1), s.Gen2Collections, Math.Round(s.GcPauseMs), s.ThreadPoolThreads, s.BusiestMailbox);
}
