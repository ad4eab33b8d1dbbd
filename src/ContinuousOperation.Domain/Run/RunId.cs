using System.Globalization;

namespace ContinuousOperation.Domain.Run;

/// <summary>
/// The identity of one run: <c>{UTC start, to the second}-{seed}-{4 random hex digits}</c>, e.g.
/// <c>20261127T193810Z-42-9f3a</c>. Ids sort by start time, the seed is visible at a glance, and the random suffix keeps
/// two runs started in the same second with the same seed apart. Only letters, digits and dashes, so it can be put in a
/// persistence id behind a separator that no id part contains (<see cref="Consistency.JournalNames"/>).
/// </summary>
public readonly record struct RunId
{
    private RunId(string value) => Value = value;

    public string Value { get; }

    public static RunId New(DateTimeOffset now, int seed, Random random) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{seed}-{random.Next(0x10000):x4}"));

    /// <summary>Accepts any non-empty id of letters, digits and dashes, so ids written by this or a later format read back.</summary>
    public static bool TryParse(string? text, out RunId id)
    {
        var valid = !string.IsNullOrEmpty(text) && text.Length <= 64 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
        id = valid ? new RunId(text!) : default;
        return valid;
    }

    public override string ToString() => Value;
}
