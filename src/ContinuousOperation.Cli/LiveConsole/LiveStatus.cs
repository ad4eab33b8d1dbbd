using System.Globalization;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Cli.LiveConsole;

/// <summary>
/// The one-line live status of a run on an interactive terminal, assembled from the values of the latest progress
/// and resource lines (their template properties), so it needs no channel of its own from the actors.
/// </summary>
internal sealed record LiveStatus(
    string Elapsed, string Remaining, long Orders, long Fills, long Errors, double WorkingSetMb, double ManagedHeapMb,
    double CpuPercent, long BusiestMailbox)
{
    public static readonly LiveStatus Empty = new("0h00m00s", "?", 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Whether a log line with this template updates the status.</summary>
    public static bool Tracks(string template) => template is ProgressLine.Template or ResourceLine.Template;

    public static bool IsResourceLine(string template) => template == ResourceLine.Template;

    /// <summary>The status updated with the properties of a progress or resource line; other lines change nothing.</summary>
    public LiveStatus Absorb(string template, IReadOnlyDictionary<string, object?> values) => template switch
    {
        ProgressLine.Template => this with
        {
            Elapsed = Text(values, "Elapsed", Elapsed),
            Remaining = Text(values, "Remaining", Remaining),
            Orders = Number(values, "Orders", Orders),
            Fills = Number(values, "Fills", Fills),
            Errors = Number(values, "Errors", Errors),
        },
        ResourceLine.Template => this with
        {
            Elapsed = Text(values, "Elapsed", Elapsed),
            WorkingSetMb = Number(values, "WorkingSetMb", WorkingSetMb),
            ManagedHeapMb = Number(values, "ManagedHeapMb", ManagedHeapMb),
            CpuPercent = Number(values, "CpuPercent", CpuPercent),
            BusiestMailbox = Number(values, "BusiestMailbox", BusiestMailbox),
        },
        _ => this,
    };

    /// <summary>The status, cut to the terminal's width so it never wraps (a wrapped line cannot be redrawn in place).</summary>
    public string Render(int width)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Elapsed} elapsed, {Remaining} left | orders {Orders} fills {Fills} errors {Errors} | " +
            $"memory {WorkingSetMb:0.0} MB (heap {ManagedHeapMb:0.0}) | CPU {CpuPercent:0.0}% | mailbox {BusiestMailbox}");
        var room = Math.Max(1, width - 1);
        return line.Length <= room ? line : line[..room];
    }

    private static string Text(IReadOnlyDictionary<string, object?> values, string name, string current) =>
        values.TryGetValue(name, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture)! : current;

    private static T Number<T>(IReadOnlyDictionary<string, object?> values, string name, T current) where T : IConvertible =>
        values.TryGetValue(name, out var value) && value is IConvertible number
            ? (T)number.ToType(typeof(T), CultureInfo.InvariantCulture)
            : current;
}
