using System.CommandLine;
using System.Numerics;
using ContinuousOperation.Cli.Parsing;

namespace ContinuousOperation.Cli.Commands;

/// <summary>Small reusable rules for options, so every bad value is reported as one line naming the option.</summary>
internal static class OptionRules
{
    public static Option<T> Positive<T>(this Option<T> option) where T : INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() <= T.Zero) result.AddError($"{option.Name} must be greater than zero");
        });
        return option;
    }

    public static Option<T> NotNegative<T>(this Option<T> option) where T : INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() < T.Zero) result.AddError($"{option.Name} must not be negative");
        });
        return option;
    }

    /// <summary>NaN and infinities pass every comparison rule (NaN compares false), so they are refused first.</summary>
    public static Option<double> Finite(this Option<double> option)
    {
        option.Validators.Add(result =>
        {
            if (!double.IsFinite(result.GetValueOrDefault<double>())) result.AddError($"{option.Name} must be a finite number");
        });
        return option;
    }

    public static Option<T> AtMost<T>(this Option<T> option, T maximum) where T : INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() > maximum) result.AddError($"{option.Name} must be at most {maximum}");
        });
        return option;
    }

    /// <summary>A duration option (<c>45s</c>, <c>90m</c>, <c>1h30m</c>, bare hours).</summary>
    public static Option<TimeSpan> Duration(string name, string description, TimeSpan? defaultValue = null)
    {
        var option = new Option<TimeSpan>(name)
        {
            Description = description,
            CustomParser = result =>
            {
                if (DurationParser.TryParse(result.Tokens.Single().Value, out var duration, out var error)) return duration;
                result.AddError($"{name}: {error}");
                return TimeSpan.Zero;
            },
        };
        if (defaultValue is { } value) option.DefaultValueFactory = _ => value;
        return option;
    }
}
