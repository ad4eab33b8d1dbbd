namespace ContinuousOperation.Domain.Criteria;

/// <summary>What judging a criterion concluded. <see cref="Inconclusive"/> is for a criterion that could not be judged
/// (too few samples, too short a window, nothing measured): it does not fail the run, and it does not pass it either,
/// so every format says so rather than printing a pass nobody earned.</summary>
public enum CriterionOutcome
{
    Pass,
    Fail,
    Inconclusive,
}

/// <summary>One success criterion as judged: the limit, what was measured (in <paramref name="Unit"/>), the outcome,
/// the <paramref name="Rule"/> that decided it (<c>slope</c>, <c>fit</c>, <c>floor</c>, <c>insufficient samples</c>,
/// …; for an inconclusive one, why it could not be judged) and a note with the figures behind it.</summary>
public sealed record CriterionResult(string Name, double Threshold, double Observed, string Unit, CriterionOutcome Result, string Rule, string Note)
{
    public bool Failed => Result == CriterionOutcome.Fail;

    public bool Inconclusive => Result == CriterionOutcome.Inconclusive;

    /// <summary>The rule and the note as one sentence, the way every human-readable format prints them.</summary>
    public string Explanation => $"{Rule}: {Note}";

    /// <summary>The outcome of a criterion that was judged.</summary>
    public static CriterionOutcome Judged(bool passed) => passed ? CriterionOutcome.Pass : CriterionOutcome.Fail;
}

/// <summary>All criteria of a run; the run passes when none failed (an inconclusive one does not fail it).</summary>
public sealed record CriteriaVerdict(IReadOnlyList<CriterionResult> Results)
{
    public bool Passed => !Results.Any(r => r.Failed);
}
