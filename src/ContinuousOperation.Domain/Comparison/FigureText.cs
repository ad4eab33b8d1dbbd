using System.Globalization;
using ContinuousOperation.Domain.Reporting;

namespace ContinuousOperation.Domain.Comparison;

/// <summary>How a compared figure and its change are written, in the table and in the regression lines alike.</summary>
public static class FigureText
{
    private const string Missing = "—";

    public static string Value(double? value) => value is { } v ? ReportText.Number(v) : Missing;

    /// <summary>Signed percent with one decimal; a change from a zero baseline has no percentage.</summary>
    public static string Change(double? percent) => percent switch
    {
        null => "",
        double.PositiveInfinity or double.NegativeInfinity => "from 0",
        var p => (p.Value >= 0 ? "+" : "") + p.Value.ToString("0.#", CultureInfo.InvariantCulture) + "%",
    };
}
