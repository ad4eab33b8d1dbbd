using System.Globalization;

namespace ContinuousOperation.Domain.Reporting.Charts;

/// <summary>The charts of a run, drawn from its resource samples up to the planned end (<see cref="RunWindow"/>):
/// memory (<see cref="MemoryChart"/>), CPU, garbage collection, threads and mailboxes, trading throughput, errors
/// against injected faults and latency (<see cref="LatencyChart"/>); on a cluster, those of
/// <see cref="ClusterCharts"/> too (the run's series are then the average node's). Samples from reports written before
/// a field existed read as zero (or, for activity, as missing and are left out), so older reports still chart.</summary>
public static class RunCharts
{
    public static IReadOnlyList<ChartDefinition> Of(RunReport report)
    {
        var window = RunWindow.Of(report);
        var samples = window.Charted(report.Resources);
        var axis = TimeAxis.For(samples.Count == 0 ? 0 : samples[^1].ElapsedSeconds);
        return
        [
            MemoryChart.Of(report, samples, window, axis),
            Cpu(samples, axis, report.Configuration.Criteria.MaxCpuPercent),
            GarbageCollection(samples, axis),
            Threads(samples, axis),
            Throughput(samples, axis),
            ErrorsAndFaults(samples, axis),
            LatencyChart.Of(report, samples, axis),
            .. report.Cluster is { } cluster ? ClusterCharts.Of(cluster, axis, window) : [],
        ];
    }

    /// <summary>The <c>average_cpu</c> criterion judges the mean of the samples against its limit, both drawn on the
    /// line they concern (percent of the machine).</summary>
    private static ChartDefinition Cpu(IReadOnlyList<ResourceEntry> samples, TimeAxis axis, double limitPercent)
    {
        const string machine = "of the machine";
        var measured = new[]
        {
            Level(machine, samples, axis, s => s.CpuPercentOfMachine),
            Level("of one core", samples, axis, s => s.CpuPercentOfCore),
        };
        var chart = new ChartDefinition("cpu", "CPU", axis.Label, "percent", null, measured);
        if (samples.Count == 0) return chart;

        var average = samples.Average(s => s.CpuPercentOfMachine);
        return chart with
        {
            Series =
            [
                .. measured,
                Across($"average {average.ToString("0.#", CultureInfo.InvariantCulture)} %", samples, axis, average) with { Kind = SeriesKind.Trend, Of = machine },
                Across($"limit on the average {ReportText.Number(limitPercent)} %", samples, axis, limitPercent) with
                {
                    Kind = SeriesKind.Limit,
                    Of = machine,
                },
            ],
        };
    }

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

    /// <summary>Cumulative rather than per minute, drawn as steps: faults and errors are rare events, and a staircase
    /// shows at a glance whether errors follow the injected faults or appear on their own.</summary>
    private static ChartDefinition ErrorsAndFaults(IReadOnlyList<ResourceEntry> samples, TimeAxis axis) =>
        new("errors", "Errors and injected faults", axis.Label, "count since start", null,
        [
            Steps("errors", samples, axis, s => s.Activity?.Errors),
            Steps("faults injected", samples, axis, s => s.Activity?.FaultsInjected),
        ]);

    internal static ChartSeries Level(string label, IReadOnlyList<ResourceEntry> samples, TimeAxis axis, Func<ResourceEntry, double> value) =>
        new(label, samples.Select(s => axis.Position(s.ElapsedSeconds)).ToArray(), samples.Select(value).ToArray());

    /// <summary>A horizontal line at <paramref name="value"/> from the first sample to the last.</summary>
    private static ChartSeries Across(string label, IReadOnlyList<ResourceEntry> samples, TimeAxis axis, double value) =>
        new(label, [axis.Position(samples[0].ElapsedSeconds), axis.Position(samples[^1].ElapsedSeconds)], [value, value]);

    private static ChartSeries Steps(string label, IReadOnlyList<ResourceEntry> samples, TimeAxis axis, Func<ResourceEntry, double?> value) =>
        StepLine.Of(label, axis, samples.Where(s => value(s) is not null).Select(s => (s.ElapsedSeconds, value(s)!.Value)));

    private static ChartSeries Rate(string label, IReadOnlyList<ResourceEntry> samples, TimeAxis axis, Func<ResourceEntry, double?> cumulative)
    {
        var rates = CumulativeRate.PerMinute(samples.Select(s => new CumulativeReading(s.ElapsedSeconds, cumulative(s))).ToArray());
        return new ChartSeries(label, rates.Select(r => axis.Position(r.ElapsedSeconds)).ToArray(), rates.Select(r => r.PerMinute).ToArray());
    }
}
