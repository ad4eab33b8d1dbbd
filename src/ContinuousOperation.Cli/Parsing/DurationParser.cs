using System.Globalization;
using System.Text.RegularExpressions;

namespace ContinuousOperation.Cli.Parsing;

/// <summary>Parses durations as people write them: <c>45s</c>, <c>90m</c>, <c>24h</c>, <c>1h30m</c>, <c>1.5h</c>, for
/// latencies <c>250ms</c>, and, only where <see cref="BareNumber.Hours"/> allows it (<c>--duration</c>, as in the seed's
/// CLI), <c>24</c> for hours. Everywhere else a bare number is refused: <c>--sample-interval 5</c> once meant five
/// hours, not five seconds.</summary>
internal static partial class DurationParser
{
    public const string Expected = "expected a duration such as 45s, 90m, 24h or 1h30m";

    /// <summary>A year is far beyond any soak; the bound keeps absurd input from overflowing <see cref="TimeSpan"/>.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(365);

    /// <summary>What a number without a unit means.</summary>
    public enum BareNumber
    {
        /// <summary>Not a duration: the unit must be written.</summary>
        Refused,
        /// <summary>Hours (only <c>--duration</c>, as in the seed's CLI).</summary>
        Hours,
    }

    public static bool TryParse(string text, out TimeSpan duration, out string error) =>
        TryParse(text, BareNumber.Refused, out duration, out error);

    public static bool TryParse(string text, BareNumber bareNumber, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        var trimmed = text.Trim().ToLowerInvariant();

        double seconds;
        if (double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours))
        {
            if (bareNumber == BareNumber.Refused)
            {
                error = $"'{text}' has no unit: write {trimmed}s, {trimmed}m or {trimmed}h";
                return false;
            }

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

    /// <summary>A duration the way this parser reads it back (<c>250ms</c>, <c>30s</c>, <c>10m</c>, <c>1h30m</c>,
    /// <c>720h</c>): <c>30d</c> is not one of its units, so days are hours.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration > TimeSpan.Zero && duration < TimeSpan.FromSeconds(1))
            return string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.###}ms");

        var whole = (long)Math.Floor(duration.TotalSeconds);
        var fraction = duration.TotalSeconds - whole;
        var (hours, minutes, seconds) = (whole / 3600, whole % 3600 / 60, whole % 60 + fraction);
        var text = string.Concat(
            hours > 0 ? string.Create(CultureInfo.InvariantCulture, $"{hours}h") : "",
            minutes > 0 ? string.Create(CultureInfo.InvariantCulture, $"{minutes}m") : "",
            seconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0.###}s") : "");
        return text.Length > 0 ? text : "0s";
    }

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
