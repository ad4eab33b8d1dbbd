using System.Globalization;
using System.Text.RegularExpressions;

namespace ContinuousOperation.Cli.Parsing;

/// <summary>Parses durations as people write them: <c>24</c> (a bare number means hours, as in the seed's CLI),
/// <c>45s</c>, <c>90m</c>, <c>24h</c>, <c>1h30m</c>, <c>1.5h</c>, and for latencies <c>250ms</c>.</summary>
internal static partial class DurationParser
{
    public const string Expected = "expected hours (24) or a duration such as 45s, 90m, 24h or 1h30m";

    /// <summary>A year is far beyond any soak; the bound keeps absurd input from overflowing <see cref="TimeSpan"/>.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(365);

    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        var trimmed = text.Trim().ToLowerInvariant();

        double seconds;
        if (double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours))
        {
            seconds = hours * 3600;
        }
        else
        {
            var parts = Part().Matches(trimmed);
            if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != trimmed)
            {
                error = $"'{text}' is not a duration: {Expected}";
                return false;
            }

            seconds = parts.Sum(p => double.Parse(p.Groups["amount"].Value, CultureInfo.InvariantCulture) * SecondsPer(p.Groups["unit"].Value));
        }

        error = seconds switch
        {
            // NaN and Infinity parse as numbers, and TimeSpan would throw on them.
            _ when !double.IsFinite(seconds) => $"'{text}' is not a duration: {Expected}",
            <= 0 => $"'{text}' must be a positive duration",
            _ when seconds > Longest.TotalSeconds => $"'{text}' is longer than {Longest.TotalDays} days",
            _ => string.Empty,
        };
        if (error.Length > 0) return false;

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>A duration the way this parser reads it back: <c>30d</c> is not one of its units, so days are hours.</summary>
    public static string Format(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1) ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.###}ms")
        : duration.TotalSeconds % 3600 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalHours:0}h")
        : duration.TotalSeconds % 60 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMinutes:0}m")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###}s");

    private static double SecondsPer(string unit) => unit switch
    {
        "h" => 3600,
        "m" => 60,
        "ms" => 0.001,
        _ => 1,
    };

    [GeneratedRegex(@"(?<amount>\d+(\.\d+)?)(?<unit>ms|[hms])")]
    private static partial Regex Part();
}
