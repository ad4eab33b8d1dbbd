using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ContinuousOperation.Benchmarks.Support;

/// <summary>
/// The large-object heap bytes per operation that a benchmark measured with <see cref="LargeObjectHeapMeter"/>, as a
/// column of the summary. The benchmark runs in a process of its own, so each iteration's figure is appended to a file
/// named after the case (<see cref="Record"/>) and the column shows the median of the iterations.
/// </summary>
internal sealed class LargeObjectHeapColumn : IColumn
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "continuous-operation-benchmarks-loh");

    public string Id => nameof(LargeObjectHeapColumn);
    public string ColumnName => "LOH/op";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Size;
    public string Legend => "Bytes allocated on the large-object heap per operation (median of the iterations, GC allocation ticks)";

    /// <summary>Forgets the figures of an earlier run of the same case (call once per benchmark process).</summary>
    public static void Reset(string benchmark, IEnumerable<(string Name, object Value)> parameters)
    {
        Directory.CreateDirectory(Folder);
        File.Delete(FileOf(benchmark, parameters));
    }

    /// <summary>Appends one iteration's bytes per operation.</summary>
    public static void Record(string benchmark, IEnumerable<(string Name, object Value)> parameters, double bytesPerOperation)
    {
        File.AppendAllLines(FileOf(benchmark, parameters), [bytesPerOperation.ToString("R", CultureInfo.InvariantCulture)]);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var file = FileOf(benchmarkCase.Descriptor.Type.Name, benchmarkCase.Parameters.Items.Select(p => (p.Name, p.Value)));
        if (!File.Exists(file)) return "-";
        var values = File.ReadAllLines(file).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).Order().ToArray();
        if (values.Length == 0) return "-";
        var median = values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
        return median.ToString("N1", CultureInfo.InvariantCulture) + " B";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    private static string FileOf(string benchmark, IEnumerable<(string Name, object Value)> parameters) =>
        Path.Combine(Folder, benchmark + string.Concat(parameters.OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"_{p.Name}-{p.Value}")) + ".txt");
}

/// <summary>Adds <see cref="LargeObjectHeapColumn"/> to a benchmark's summary.</summary>
internal sealed class LargeObjectHeapConfig : ManualConfig
{
    public LargeObjectHeapConfig() => AddColumn(new LargeObjectHeapColumn());
}
