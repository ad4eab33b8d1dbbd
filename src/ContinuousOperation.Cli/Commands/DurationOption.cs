using System.CommandLine;
using ContinuousOperation.Cli.Parsing;

namespace ContinuousOperation.Cli.Commands;

/// <summary>
/// A duration option (made by <see cref="OptionRules.Duration"/>). Its default is not a System.CommandLine default
/// value, which help would print as <see cref="TimeSpan"/> does (<c>00:00:30</c>, which the parser rejects): it is
/// written into the description the way it is typed (<c>[default: 30s]</c>) and applied by <see cref="ValueIn"/>.
/// </summary>
internal sealed class DurationOption : Option<TimeSpan>
{
    public DurationOption(string name, string description, TimeSpan? defaultValue, DurationParser.BareNumber bareNumber)
        : base(name)
    {
        Default = defaultValue;
        BareNumber = bareNumber;
        Description = defaultValue is { } value ? $"{description} [default: {DurationParser.Format(value)}]" : description;
        HelpName = bareNumber == DurationParser.BareNumber.Hours ? "HOURS|DURATION" : "DURATION";
    }

    /// <summary>The value when the option is not given; null when its absence means something else.</summary>
    public TimeSpan? Default { get; }

    public DurationParser.BareNumber BareNumber { get; }

    /// <summary>The value given, or <see cref="Default"/> (null if there is none).</summary>
    public TimeSpan? ValueIn(ParseResult parse) =>
        parse.GetResult(this) is { Implicit: false } ? parse.GetValue(this) : Default;
}
