namespace ContinuousOperation.Domain.Reporting.Charts;

/// <summary>The charts of a run, drawn from its resource samples: memory, CPU, garbage collection, threads and
/// mailboxes, trading throughput, errors against injected faults, and latency (<see cref="LatencyChart"/>); on a cluster, those of <see cref="ClusterCharts"/>
/// too (the run's series are then the average node's). Samples from reports written before a field
/// existed read as zero (or, for activity, as missing and are left out), so older reports still chart.</summary>
public static class RunCharts
{
    public static IReadOnlyList<ChartDefinition> Of(RunReport report)
    {
        var samples = report.Resources;
        var axis = TimeAxis.For(samples.Count == 0 ? 0 : samples[^1].ElapsedSeconds);
        return
        [
            Memory(samples, axis),
            Cpu(samples, axis),
            GarbageCollection(samples, axis),
            Threads(samples, axis),
            Throughput(samples, axis),
            ErrorsAndFaults(samples, axis),
            LatencyChart.Of(report, samples, axis),
            .. report.Cluster is { } cluster ? ClusterCharts.Of(cluster, axis) : [],
        ];
    }

    private static ChartDefinition Memory(IReadOnlyList<ResourceEntry> samples, TimeAxis axis) =>
        new("memory", "Memory", axis.Label, "MB", null,
        [
            Level("working set", samples, axis, s => s.WorkingSetMb),
            Level("managed heap", samples, axis, s => s.ManagedHeapMb),
        ]);

    private static ChartDefinition Cpu(IReadOnlyList<ResourceEntry> samples, TimeAxis axis) =>
        new("cpu", "CPU", axis.Label, "percent", null,
        [
            Level("of the machine", samples, axis, s => s.CpuPercentOfMachine),
            Level("of one core", samples, axis, s => s.CpuPercentOfCore),
        ]);

    private static ChartDefinition GarbageCollection(IReadOnlyList<ResourceEntry> samples, TimeAxis axis) =>
        new("gc", "Garbage collection", axis.Label, "collections per minute", "pause ms per minute",
        [
            Rate("gen 0", samples, axis, s => s.Gen0Collections),
            Rate("gen 1", samples, axis, s => s.Gen1Collections),
            Rate("gen 2", samples, axis, s => s.Gen2Collections),
            Rate("pause", samples, axis, s => s.GcPauseMs) with { OnRightAxis = true },
        ]);

    private static ChartDefinition Threads(IReadOnlyList<ResourceEntry> samples, TimeAxis axis) =>
        new("threads", "Threads and mailboxes", axis.Label, "threads", "messages waiting",
        [
            Level("process threads", samples, axis, s => s.ThreadCount),
            Level("thread-pool threads", samples, axis, s => s.ThreadPoolThreads),
            Level("busiest mailbox", samples, axis, s => s.BusiestMailbox) with { OnRightAxis = true },
        ]);

    private static ChartDefinition Throughput(IReadOnlyList<ResourceEntry> samples, TimeAxis axis) =>
        new("throughput", "Throughput", axis.Label, "per minute", null,
        [
            Rate("orders placed", samples, axis, s => s.Activity?.OrdersPlaced),
            Rate("fills", samples, axis, s => s.Activity?.FillsApplied),
        ]);

    /// <summary>Cumulative rather than per minute: faults and errors are rare events, and a staircase shows at a glance
    /// whether errors follow the injected faults or appear on their own.</summary>
    private static ChartDefinition ErrorsAndFaults(IReadOnlyList<ResourceEntry> samples, TimeAxis axis) =>
        new("errors", "Errors and injected faults", axis.Label, "count since start", null,
        [
            Present("errors", samples, axis, s => s.Activity?.Errors),
            Present("faults injected", samples, axis, s => s.Activity?.FaultsInjected),
        ]);

    private static ChartSeries Level(string label, IReadOnlyList<ResourceEntry> samples, TimeAxis axis, Func<ResourceEntry, double> value) =>
        new(label, samples.Select(s => axis.Position(s.ElapsedSeconds)).ToArray(), samples.Select(value).ToArray());

    private static ChartSeries Present(string label, IReadOnlyList<ResourceEntry> samples, TimeAxis axis, Func<ResourceEntry, double?> value)
    {
        var recorded = samples.Where(s => value(s) is not null).ToArray();
        return new ChartSeries(label, recorded.Select(s => axis.Position(s.ElapsedSeconds)).ToArray(),
            recorded.Select(s => value(s)!.Value).ToArray());
    }

    private static ChartSeries Rate(string label, IReadOnlyList<ResourceEntry> samples, TimeAxis axis, Func<ResourceEntry, double?> cumulative)
    {
        var rates = CumulativeRate.PerMinute(samples.Select(s => new CumulativeReading(s.ElapsedSeconds, cumulative(s))).ToArray());
        return new ChartSeries(label, rates.Select(r => axis.Position(r.ElapsedSeconds)).ToArray(), rates.Select(r => r.PerMinute).ToArray());
    }
}
