using System.Globalization;
using ContinuousOperation.Domain.Criteria;

namespace ContinuousOperation.Domain.Reporting.Charts;

/// <summary>
/// Working set and managed heap, with what the <c>memory_stable</c> criterion judged drawn over them, so that its
/// verdict can be checked by eye: the warm-up it left out (a shaded band), the Theil–Sen line it fitted to each series
/// (over the samples it used), and from the start of each fitted line, the growth the limit allows. A fitted line
/// steeper than its limit line is growth beyond the limit (the criterion then also asks for a good fit and a growth
/// of <see cref="SeriesTrend.MinimumGrowthMb"/>; the note in the criteria table says which rule decided).
/// When the criterion had too few samples to judge a trend, no line is drawn and the title says so; reports without a
/// <c>memory_trend</c> section get the measured lines only.
/// </summary>
public static class MemoryChart
{
    private const string WorkingSet = "working set";
    private const string ManagedHeap = "managed heap";

    public static ChartDefinition Of(RunReport report, IReadOnlyList<ResourceEntry> samples, RunWindow window, TimeAxis axis)
    {
        var measured = new[]
        {
            RunCharts.Level(WorkingSet, samples, axis, s => s.WorkingSetMb),
            RunCharts.Level(ManagedHeap, samples, axis, s => s.ManagedHeapMb),
        };
        var chart = new ChartDefinition("memory", "Memory", axis.Label, "MB", null, measured);
        if (report.MemoryTrend is not { } trend) return chart;

        var band = window.TrendFromSeconds > window.WarmUpFromSeconds
            ? new[] { new ChartBand("warm-up, not judged", axis.Position(window.WarmUpFromSeconds), axis.Position(window.TrendFromSeconds)) }
            : [];
        if (trend.SamplesUsed < trend.MinimumSamples)
        {
            return chart with
            {
                Title = $"Memory: trend not judged ({trend.SamplesUsed} samples after warm-up, {trend.MinimumSamples} needed)",
                Bands = band,
            };
        }

        var judged = window.Judged(samples);
        var fits = new[] { Fit(WorkingSet, judged, s => s.WorkingSetMb), Fit(ManagedHeap, judged, s => s.ManagedHeapMb) }
            .OfType<FittedLine>()
            .ToArray();
        // Limit lines stop where they leave the measured range, so a generous limit does not flatten the data.
        var top = measured.Concat(fits.Select(f => f.Trend(axis))).SelectMany(s => s.Y).DefaultIfEmpty(0).Max();
        return chart with
        {
            Series = [.. measured, .. fits.Select(f => f.Trend(axis)), .. fits.Select(f => f.Limit(axis, trend.LimitMbPerHour, top))],
            Bands = band,
        };
    }

    private static FittedLine? Fit(string series, IReadOnlyList<ResourceEntry> judged, Func<ResourceEntry, double> value)
    {
        if (judged.Count < 2) return null;
        var hours = judged.Select(s => s.ElapsedSeconds / 3600).ToArray();
        var fit = TheilSenSlope.Fit(hours, judged.Select(value).ToArray());
        return fit == LineFit.None ? null : new FittedLine(series, fit, hours[0], hours[^1]);
    }

    /// <summary>The criterion's line for one series between its first and last judged sample (hours since the start).</summary>
    private sealed record FittedLine(string Series, LineFit Fit, double FromHours, double ToHours)
    {
        private double At(double hours) => Fit.Intercept + Fit.Slope * hours;

        public ChartSeries Trend(TimeAxis axis) =>
            new ChartSeries($"{Series} trend {Signed(Fit.Slope)} MB/h", Hours(axis, FromHours, ToHours), [At(FromHours), At(ToHours)])
            {
                Kind = SeriesKind.Trend,
                Of = Series,
            };

        /// <summary>From the fitted line's start, rising at the limit until the end of the window or until it reaches
        /// <paramref name="top"/>, whichever comes first.</summary>
        public ChartSeries Limit(TimeAxis axis, double limitMbPerHour, double top)
        {
            var start = At(FromHours);
            var end = limitMbPerHour > 0 && start + limitMbPerHour * (ToHours - FromHours) > top
                ? FromHours + Math.Max(0, top - start) / limitMbPerHour
                : ToHours;
            return new ChartSeries($"{Series} limit {ReportText.Number(limitMbPerHour)} MB/h", Hours(axis, FromHours, end),
                [start, start + limitMbPerHour * (end - FromHours)])
            {
                Kind = SeriesKind.Limit,
                Of = Series,
            };
        }

        private static double[] Hours(TimeAxis axis, double from, double to) => [axis.Position(from * 3600), axis.Position(to * 3600)];

        private static string Signed(double value) => value.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture);
    }
}
