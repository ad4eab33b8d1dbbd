using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Cli.Gateway;

/// <summary>
/// Reads <c>KEY=ACCOUNT</c> entries (from <c>--api-key</c>, or the lines of <c>--api-keys-file</c>, where blank lines
/// and <c>#</c> comments are skipped). An error names the entry by its place, never by its text: the text holds a key.
/// </summary>
internal static class ApiKeyList
{
    /// <param name="source">How to name an entry in an error, given its 1-based place, e.g. "--api-key #2".</param>
    /// <exception cref="UsageException">An entry is not KEY=ACCOUNT, a key is given twice, or an account is not a
    /// paper-trader account (<c>trader-…</c>, the only accounts the venue lets place orders).</exception>
    public static IReadOnlyDictionary<string, AccountId> Parse(IEnumerable<string> entries, Func<int, string> source)
    {
        var accounts = new Dictionary<string, AccountId>(StringComparer.Ordinal);
        var place = 0;
        foreach (var entry in entries)
        {
            place++;
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            var key = separator > 0 ? entry[..separator].Trim() : "";
            var account = separator > 0 ? new AccountId(entry[(separator + 1)..].Trim()) : default;
            if (key.Length == 0 || key.Any(char.IsWhiteSpace) || string.IsNullOrEmpty(account.Value))
                throw new UsageException($"{source(place)}: expected KEY=ACCOUNT (a key without spaces, an account id)");
            if (!account.IsPaperTrader || account.Value.Any(char.IsWhiteSpace))
                throw new UsageException($"{source(place)}: account '{account}' must be named trader-… without spaces (only paper-trader accounts may place orders)");
            if (!accounts.TryAdd(key, account)) throw new UsageException($"{source(place)}: this key was already given");
        }

        return accounts;
    }

    /// <summary>The entries of a keys file: its lines, without blanks and <c>#</c> comments.</summary>
    /// <exception cref="UsageException">The file cannot be read.</exception>
    public static IReadOnlyDictionary<string, AccountId> ReadFile(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--api-keys-file: cannot read {path}: {e.Message}");
        }

        var entries = lines.Select((line, index) => (Line: line.Trim(), Number: index + 1))
            .Where(l => l.Line.Length > 0 && !l.Line.StartsWith('#'))
            .ToArray();
        return Parse(entries.Select(e => e.Line), place => $"--api-keys-file {path} line {entries[place - 1].Number}");
    }
}
