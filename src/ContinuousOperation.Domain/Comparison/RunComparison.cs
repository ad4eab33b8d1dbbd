namespace ContinuousOperation.Domain.Comparison;

/// <summary>One figure of one run: its value (null when the report lacks it) and its change from the baseline in
/// percent (null for the baseline itself or when either value is missing; infinite when the baseline is zero).</summary>
public sealed record FigureCell(double? Value, double? ChangePercent, bool Regressed);

public sealed record FigureRow(Figure Figure, IReadOnlyList<FigureCell> Cells);

/// <summary>Why a run fails the gate, in words.</summary>
public sealed record Regression(string RunLabel, string Reason);

/// <summary>Runs side by side, the first one the baseline. <see cref="GatePercent"/> is null when no gate was asked
/// for; then nothing is a regression. <see cref="SetupDifferences"/> lists, for each later run, the settings in which it
/// differs from the baseline or cannot be told apart from it.</summary>
public sealed record ComparisonResult(
    IReadOnlyList<RunFigures> Runs, IReadOnlyList<FigureRow> Rows, IReadOnlyList<Regression> Regressions, double? GatePercent)
{
    public IReadOnlyList<SetupDifference> SetupDifferences { get; init; } = [];

    public bool Regressed => Regressions.Count > 0;

    /// <summary>A later run is known to differ from the baseline in a setting its figures scale with: a gate between
    /// them would judge the setup, not the code.</summary>
    public bool Mismatched => SetupDifferences.Any(d => d.Known);
}

public static class RunComparison
{
    /// <summary>Compares every run with the first. With a gate, a later run regresses when it failed, when its journals
    /// were inconsistent, or when a figure that is worse when higher grew by more than <paramref name="gatePercent"/>
    /// (and by more than the figure's noise floor). The baseline is not judged: it is the reference, not the candidate.</summary>
    public static ComparisonResult Compare(IReadOnlyList<RunFigures> runs, double? gatePercent)
    {
        if (runs.Count == 0) throw new ArgumentException("at least one run is needed", nameof(runs));

        var rows = Figure.All
            .Select(figure => new FigureRow(figure, runs.Select((_, column) => Cell(figure, runs, column, gatePercent)).ToArray()))
            .ToArray();
        var regressions = gatePercent is null
            ? []
            : Enumerable.Range(1, runs.Count - 1).SelectMany(column => RegressionsOf(runs[column], rows, column)).ToArray();
        return new ComparisonResult(runs, rows, regressions, gatePercent)
        {
            SetupDifferences = runs.Skip(1).SelectMany(run => SetupComparison.Between(runs[0], run)).ToArray(),
        };
    }

    /// <summary>(current − reference) / |reference| in percent; a change from zero is infinite unless there is none.</summary>
    public static double ChangePercent(double reference, double current) =>
        reference == 0
            ? current == 0 ? 0 : current > 0 ? double.PositiveInfinity : double.NegativeInfinity
            : (current - reference) / Math.Abs(reference) * 100;

    private static FigureCell Cell(Figure figure, IReadOnlyList<RunFigures> runs, int column, double? gatePercent)
    {
        var value = figure.Value(runs[column]);
        if (column == 0 || value is not { } current || figure.Value(runs[0]) is not { } reference) return new FigureCell(value, null, false);

        var change = ChangePercent(reference, current);
        var regressed = gatePercent is { } gate && figure.HigherIsWorse && change > gate && current - reference > figure.NoiseFloor;
        return new FigureCell(value, change, regressed);
    }

    private static IEnumerable<Regression> RegressionsOf(RunFigures run, IReadOnlyList<FigureRow> rows, int column)
    {
        if (!run.Success) yield return new Regression(run.Label, "the run did not pass (success is false)");
        if (!run.ConsistencyValid) yield return new Regression(run.Label, "consistency violated");
        foreach (var row in rows.Where(r => r.Cells[column].Regressed))
        {
            var (baseline, current) = (row.Cells[0], row.Cells[column]);
            yield return new Regression(run.Label,
                $"{row.Figure.Name} {FigureText.Value(baseline.Value)} → {FigureText.Value(current.Value)} {row.Figure.Unit} " +
                $"({FigureText.Change(current.ChangePercent)})");
        }
    }
}
