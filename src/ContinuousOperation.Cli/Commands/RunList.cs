using System.Text;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Cli.Commands;

/// <summary>The runs a journal database records, one line each, oldest first: id, start, symbols, finished or not.</summary>
internal static class RunList
{
    public static string Render(string location, IEnumerable<RunManifest> runs)
    {
        var text = new StringBuilder($"Runs recorded in {location}:\n");
        foreach (var run in runs.OrderBy(r => r.StartedAt).ThenBy(r => r.Run.Value, StringComparer.Ordinal))
        {
            var state = run.Closing is { } closing ? $"finished {closing.EndedAt:u}, {closing.Verdict}" : "unfinished";
            text.Append($"  {run.Run}  started {run.StartedAt:u}  {string.Join(",", run.Symbols)}  {state}\n");
        }
        return text.ToString();
    }
}
