using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using ContinuousOperation.Cli.Parsing;

namespace ContinuousOperation.Cli.Commands;

/// <summary>
/// Options and their rules in one place, so every bad value is one line naming the option (exit code 2) and no rule
/// is written twice. Numbers are parsed here rather than by System.CommandLine: its validators would call
/// <c>GetValueOrDefault</c> on a value that failed to parse, which throws out of <c>Parse</c> (exit 134 with a stack
/// trace). The rules below therefore read the token themselves and leave a value that did not parse to its own error.
/// </summary>
internal static class OptionRules
{
    /// <summary>A number option: invariant culture, finite (no NaN, no ±Infinity, no 1e400), whole for integer types.</summary>
    public static Option<T> Number<T>(string name, string description, T? defaultValue = null)
        where T : struct, INumber<T>
    {
        var option = new Option<T>(name)
        {
            Description = description,
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (TryParseNumber<T>(text, out var value)) return value;
                result.AddError($"{name}: '{text}' is not {(IsWhole<T>() ? "a whole number" : "a finite number")}");
                return T.Zero;
            },
        };
        if (defaultValue is { } given) option.DefaultValueFactory = _ => given;
        return option;
    }

    public static Option<T> Positive<T>(this Option<T> option) where T : struct, INumber<T> =>
        option.Must(value => value > T.Zero, "must be greater than zero");

    public static Option<T> NotNegative<T>(this Option<T> option) where T : struct, INumber<T> =>
        option.Must(value => value >= T.Zero, "must not be negative");

    public static Option<T> AtLeast<T>(this Option<T> option, T minimum) where T : struct, INumber<T> =>
        option.Must(value => value >= minimum, $"must be at least {minimum.ToString(null, CultureInfo.InvariantCulture)}");

    public static Option<T> AtMost<T>(this Option<T> option, T maximum) where T : struct, INumber<T> =>
        option.Must(value => value <= maximum, $"must be at most {maximum.ToString(null, CultureInfo.InvariantCulture)}");

    /// <summary>A duration option (<c>45s</c>, <c>90m</c>, <c>1h30m</c>; a bare number only where
    /// <paramref name="bareNumber"/> says what it means) no shorter than <paramref name="shortest"/> and no longer than
    /// <paramref name="longest"/>.</summary>
    public static DurationOption Duration(
        string name, string description, TimeSpan shortest, TimeSpan longest, TimeSpan? defaultValue = null,
        DurationParser.BareNumber bareNumber = DurationParser.BareNumber.Refused) =>
        new(name, description, defaultValue, bareNumber)
        {
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                var error = !DurationParser.TryParse(text, bareNumber, out var duration, out var parseError) ? parseError
                    : duration < shortest ? $"'{text}' is shorter than {DurationParser.Format(shortest)}"
                    : duration > longest ? $"'{text}' is longer than {DurationParser.Format(longest)}"
                    : null;
                if (error is null) return duration;
                result.AddError($"{name}: {error}");
                return TimeSpan.Zero;
            },
        };

    /// <summary>A text option that must hold something: an empty path or connection string is never meant.</summary>
    public static Option<string> Text(string name, string description, string? defaultValue = null)
    {
        var option = new Option<string>(name) { Description = description };
        if (defaultValue is not null) option.DefaultValueFactory = _ => defaultValue;
        option.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && string.IsNullOrWhiteSpace(token.Value)) result.AddError($"{name} must not be empty");
        });
        return option;
    }

    /// <summary>The value of a duration option as given on the command line, or null if absent or not a duration (that
    /// value reports its own error). Cross-option rules use it instead of <c>GetValue</c>, which would throw.</summary>
    public static TimeSpan? GivenDuration(CommandResult command, DurationOption option) =>
        command.GetResult(option) is { Implicit: false, Tokens: [var token] } &&
        DurationParser.TryParse(token.Value, option.BareNumber, out var duration, out _)
            ? duration
            : null;

    private static Option<T> Must<T>(this Option<T> option, Func<T, bool> holds, string rule) where T : struct, INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && TryParseNumber<T>(token.Value, out var value) && !holds(value))
            {
                result.AddError($"{option.Name} {rule} (got {token.Value})");
            }
        });
        return option;
    }

    private static bool TryParseNumber<T>(string text, out T value) where T : struct, INumber<T>
    {
        var style = IsWhole<T>() ? NumberStyles.Integer : NumberStyles.Float;
        return T.TryParse(text, style, CultureInfo.InvariantCulture, out value) && T.IsFinite(value);
    }

    /// <summary>An integer type truncates one half to zero; a floating-point type keeps it.</summary>
    private static bool IsWhole<T>() where T : struct, INumber<T> => T.CreateTruncating(0.5) == T.Zero;
}
