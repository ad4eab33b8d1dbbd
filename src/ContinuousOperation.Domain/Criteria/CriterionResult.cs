namespace ContinuousOperation.Domain.Criteria;

/// <summary>One success criterion as judged: the limit, what was measured (in <paramref name="Unit"/>), the verdict,
/// and a note explaining anything a reader would otherwise ask about (e.g. too few samples to judge a trend).</summary>
public sealed record CriterionResult(string Name, double Threshold, double Observed, string Unit, bool Passed, string Note);

/// <summary>All criteria of a run; the run passes only if every one does.</summary>
public sealed record CriteriaVerdict(IReadOnlyList<CriterionResult> Results)
{
    public bool Passed => Results.All(r => r.Passed);
}
