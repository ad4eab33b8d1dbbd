using System.Text;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>The reconciliation in a few lines, for the run summary and the <c>reconcile</c> verb: the verdict, then
/// each violated invariant with a few offending ids (the JSON report has them all).</summary>
public static class ConsistencySummary
{
    private const int IdsShown = 5;

    public static string Render(ConsistencySection consistency)
    {
        var text = new StringBuilder();
        text.Append($"Consistency {(consistency.Valid ? "valid" : "VIOLATED")}: {consistency.Invariants.Count(i => i.Holds)} of ")
            .Append($"{consistency.Invariants.Count} invariants hold ({consistency.TraderEventsRead} trader and ")
            .Append($"{consistency.ExchangeEventsRead} exchange events read, symbols {string.Join(",", consistency.Symbols)})\n");
        foreach (var invariant in consistency.Invariants.Where(i => !i.Holds))
        {
            text.Append($"  {invariant.Name}: {invariant.Violations.Count} violation(s) — {invariant.Description}\n");
            foreach (var violation in invariant.Violations.Take(IdsShown))
            {
                text.Append($"    {violation.Symbol}: {violation.Detail} [{string.Join(", ", violation.Ids)}]\n");
            }
        }

        return text.ToString();
    }
}
