using System.Text;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>The reconciliation in a few lines, for the run summary and the <c>reconcile</c> verb: the verdict, then
/// each violated invariant with a few offending ids (the JSON report has them all), then those not applicable to a run
/// that never finished.</summary>
public static class ConsistencySummary
{
    private const int IdsShown = 5;

    public static string Render(ConsistencySection consistency)
    {
        var notApplicable = consistency.Invariants.Where(i => i.State == InvariantEntry.NotApplicable).ToArray();
        var verdict = (consistency.Valid, consistency.Finished) switch
        {
            (false, _) => "VIOLATED",
            (true, true) => "valid",
            (true, false) => "consistent but unfinished",
        };
        var text = new StringBuilder();
        text.Append($"Consistency {verdict}: {consistency.Invariants.Count(i => i.Holds)} of ")
            .Append($"{consistency.Invariants.Count} invariants hold")
            .Append(notApplicable.Length > 0 ? $", {notApplicable.Length} not applicable" : "")
            .Append($" ({consistency.TraderEventsRead} trader and ")
            .Append($"{consistency.ExchangeEventsRead} exchange events read, symbols {string.Join(",", consistency.Symbols)})\n");
        foreach (var invariant in consistency.Invariants.Where(i => !i.Holds && i.State != InvariantEntry.NotApplicable))
        {
            text.Append($"  {invariant.Name}: {invariant.Violations.Count} violation(s) — {invariant.Description}\n");
            foreach (var violation in invariant.Violations.Take(IdsShown))
            {
                text.Append($"    {violation.Symbol}: {violation.Detail} [{string.Join(", ", violation.Ids)}]\n");
            }
        }

        foreach (var invariant in notApplicable)
            text.Append($"  {invariant.Name}: not applicable (run unfinished) — {invariant.Description}\n");
        return text.ToString();
    }
}
