using System.Globalization;
using ContinuousOperation.Domain.Reporting;

namespace ContinuousOperation.Domain.Comparison;

/// <summary>One setting in which a run differs from the baseline, each side as written in the comparison, or
/// <see cref="SetupComparison.Unknown"/> where a report does not say.</summary>
public sealed record SetupDifference(string RunLabel, string Setting, string Baseline, string Run)
{
    /// <summary>Both reports say, and they differ; otherwise the runs cannot be told apart in this setting.</summary>
    public bool Known => Baseline != SetupComparison.Unknown && Run != SetupComparison.Unknown;

    public override string ToString() => $"{Setting} {Baseline} vs {Run}";
}

/// <summary>
/// Whether two runs can be compared: throughput, memory and CPU scale with the speed, the length of the run, the
/// symbols, the market and the faults injected, so a change between runs that differ in them says nothing about the
/// code. The seed is not among them: runs of the same setup with other seeds are what a baseline is compared with.
/// </summary>
public static class SetupComparison
{
    public const string Unknown = "unknown";

    private const int SymbolsNamed = 3;

    private static readonly (string Setting, Func<RunSetup, string?> Text)[] Settings =
    [
        ("speed", s => s.Speed is { } speed ? $"{ReportText.Number(speed)}x" : null),
        ("duration", s => s.DurationHours is { } hours ? Duration(hours) : null),
        ("symbols", s => s.Symbols is { } symbols ? string.Join(",", symbols.Order(StringComparer.Ordinal)) : null),
        ("market", s => s.Market is { } market
            ? s.DailyVolatility is { } volatility ? $"{market}, daily volatility {ReportText.Number(volatility)}" : market
            : null),
        ("fault profile", s => s.FaultProfile),
    ];

    /// <summary>Each setting in which <paramref name="run"/> differs from <paramref name="baseline"/> or cannot be told
    /// apart from it, in a fixed order; none when both reports say the same.</summary>
    public static IReadOnlyList<SetupDifference> Between(RunFigures baseline, RunFigures run) =>
        Settings
            .Select(s => (s.Setting, Baseline: s.Text(baseline.Setup), Run: s.Text(run.Setup)))
            .Where(s => s.Baseline is null || s.Run is null || s.Baseline != s.Run)
            .Select(s => s.Setting == "symbols" && s is { Baseline: { } b, Run: { } r }
                ? new SetupDifference(run.Label, s.Setting, Symbols(b, r), Symbols(r, b))
                : new SetupDifference(run.Label, s.Setting, s.Baseline ?? Unknown, s.Run ?? Unknown))
            .ToArray();

    /// <summary>A list of a thousand symbols is no use in a warning: the count, and the first symbols the other run
    /// does not have.</summary>
    private static string Symbols(string these, string others)
    {
        var list = these.Split(',');
        if (list.Length <= SymbolsNamed) return string.Join(", ", list);
        var missing = list.Except(others.Split(','), StringComparer.Ordinal).Take(SymbolsNamed).ToArray();
        return missing.Length == 0
            ? $"{list.Length} symbols"
            : $"{list.Length} symbols (with {string.Join(", ", missing)}{(missing.Length == SymbolsNamed ? ", …" : "")})";
    }

    private static string Duration(double hours) => hours switch
    {
        >= 1 => $"{ReportText.Number(hours)} h",
        >= 1.0 / 60 => $"{ReportText.Number(hours * 60)} min",
        _ => $"{(hours * 3600).ToString("0.#", CultureInfo.InvariantCulture)} s",
    };
}
