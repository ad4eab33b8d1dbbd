using System.Globalization;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Criteria;

/// <summary>
/// The <c>trading_active</c> criterion: a run that did not trade has proven nothing about trading, however clean its
/// journals. Each symbol must place orders and apply fills at no less than the floors per simulated minute of the
/// trading window, and must never be silent (neither) for longer than the limit, in wall time. Observed is the number of
/// symbols that break a rule; the note names each with what it did, or, when all pass, the slowest and the quietest.
/// </summary>
public static class TradingActivityRule
{
    public const string Unit = "inactive symbols";

    public static CriterionResult Judge(CriteriaThresholds thresholds, TradingActivity? activity)
    {
        if (activity is not { Symbols.Count: > 0 })
            return new CriterionResult(SuccessCriteria.TradingActive, 0, 1, Unit, CriterionOutcome.Fail, "no activity", "no trading activity was recorded");

        var minutes = activity.SimulatedWindow.TotalMinutes;
        var findings = activity.Symbols.Select(s => (Symbol: s, Problems: Problems(thresholds, s, minutes))).ToArray();
        var inactive = findings.Where(f => f.Problems.Count > 0).ToArray();
        var window = $"over {Number(minutes)} simulated min ({Seconds(activity.Window)} of trading)";
        if (inactive.Length > 0)
        {
            var named = inactive.Select(f => $"{f.Symbol.Symbol}: {string.Join(", ", f.Problems.Select(p => p.Text))}");
            var rules = string.Join(" and ", inactive.SelectMany(f => f.Problems).Select(p => p.Rule).Distinct().Order());
            return new CriterionResult(SuccessCriteria.TradingActive, 0, inactive.Length, Unit, CriterionOutcome.Fail, rules,
                $"{string.Join("; ", named)} {window}");
        }

        var slowest = activity.Symbols.MinBy(s => Math.Min(s.OrdersPlaced, s.Fills))!;
        var quietest = activity.Symbols.MaxBy(s => s.LongestSilence)!;
        return new CriterionResult(SuccessCriteria.TradingActive, 0, 0, Unit, CriterionOutcome.Pass, "floors and silence",
            $"every symbol traded {window}: slowest {slowest.Symbol} {Rates(slowest, minutes)}, " +
            $"longest silence {quietest.Symbol} {Seconds(quietest.LongestSilence)} (limit {Seconds(thresholds.MaxSymbolSilence)})");
    }

    /// <summary>The rules a symbol breaks (<c>floors</c>, <c>silence</c>), each with what it did.</summary>
    private static List<(string Rule, string Text)> Problems(CriteriaThresholds thresholds, SymbolActivity symbol, double minutes)
    {
        var problems = new List<(string, string)>();
        if (Rate(symbol.OrdersPlaced, minutes) < thresholds.MinOrdersPerSymbolMinute || Rate(symbol.Fills, minutes) < thresholds.MinFillsPerSymbolMinute)
        {
            var floors = $"floors {Number(thresholds.MinOrdersPerSymbolMinute)} and {Number(thresholds.MinFillsPerSymbolMinute)}";
            problems.Add(("floors", symbol is { OrdersPlaced: 0, Fills: 0 } ? $"never traded ({floors})" : $"{Rates(symbol, minutes)} ({floors})"));
        }

        if (symbol.LongestSilence > thresholds.MaxSymbolSilence)
            problems.Add(("silence", $"silent for {Seconds(symbol.LongestSilence)} (limit {Seconds(thresholds.MaxSymbolSilence)})"));
        return problems;
    }

    /// <summary>Events per simulated minute; zero for an empty window rather than infinity.</summary>
    public static double Rate(long count, double simulatedMinutes) => simulatedMinutes > 0 ? count / simulatedMinutes : 0;

    private static string Rates(SymbolActivity s, double minutes) =>
        $"{Number(Rate(s.OrdersPlaced, minutes))} orders and {Number(Rate(s.Fills, minutes))} fills per simulated min";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan span) => $"{Number(span.TotalSeconds)} s";
}
