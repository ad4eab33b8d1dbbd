namespace ContinuousOperation.Domain.Consistency;

/// <summary>Keeps the first findings and counts the rest: a systematically broken 24-hour run must yield a readable
/// report, not a million lines, and the fold's memory must stay bounded.</summary>
internal sealed class FindingLog
{
    public const int Listed = 25;

    private readonly List<Finding> _listed = [];

    public long Total { get; private set; }

    public void Add(string detail, params string[] ids)
    {
        Total++;
        if (_listed.Count < Listed)
            _listed.Add(new Finding(detail, ids));
    }

    /// <summary>The listed findings, then one that counts those left out.</summary>
    public IEnumerable<Finding> Findings()
    {
        foreach (var finding in _listed)
            yield return finding;
        if (Total > _listed.Count)
            yield return new Finding($"{Total - _listed.Count} more of the same kind not listed", []);
    }
}
