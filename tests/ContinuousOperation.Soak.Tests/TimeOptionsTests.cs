using System.CommandLine;
using System.Text.RegularExpressions;
using ContinuousOperation.Cli.Commands;
using ContinuousOperation.Cli.Parsing;

namespace ContinuousOperation.Soak.Tests;

/// <summary>Every time option of every verb, found by its type, so an option added later is covered too: a unit is
/// never guessed, and help shows each default in the syntax the parser accepts.</summary>
public sealed partial class TimeOptionsTests
{
    private static RootCommand CommandLine() => new() { new RunCommand(), new ClusterCommand(), new NodeCommand() };

    private static IEnumerable<(Command Verb, DurationOption Option)> TimeOptions(RootCommand root) =>
        root.Subcommands.SelectMany(verb => verb.Options.OfType<DurationOption>().Select(option => (verb, option)));

    [Fact]
    public void Help_shows_every_time_default_as_it_is_written_and_it_parses_back()
    {
        var root = CommandLine();
        var options = TimeOptions(root).Where(t => t.Option.Default is not null).ToArray();
        Assert.Contains(options, t => t.Option.Name == "--sample-interval");

        foreach (var (verb, option) in options)
        {
            var help = HelpOf(root, verb.Name);
            Assert.DoesNotMatch(TimeSpanText(), help);
            var line = Assert.Single(help.Split('\n'), l => l.TrimStart().StartsWith(option.Name + " "));
            var shown = Assert.Single(DefaultShown().Matches(line)).Groups["value"].Value;

            Assert.True(DurationParser.TryParse(shown, option.BareNumber, out var parsed, out var error), $"{verb.Name} {option.Name}: {error}");
            Assert.Equal(option.Default, parsed);
            Assert.Empty(root.Parse(["run", option.Name, shown]).Errors);
        }
    }

    [Fact]
    public void Only_the_duration_reads_a_bare_number_and_as_hours()
    {
        var root = CommandLine();
        foreach (var (_, option) in TimeOptions(root).Where(t => t.Verb.Name == "run"))
        {
            string[] run = option.Name == "--duration" ? ["run", "--duration", "5"] : ["run", option.Name, "5", "--duration", "10h"];
            var parse = root.Parse(run);
            if (option.Name == "--duration")
            {
                Assert.Empty(parse.Errors);
                Assert.Equal(TimeSpan.FromHours(5), parse.GetValue<TimeSpan>("--duration"));
            }
            else
            {
                Assert.Equal($"{option.Name}: '5' has no unit: write 5s, 5m or 5h", Assert.Single(parse.Errors).Message);
            }
        }
    }

    private static string HelpOf(RootCommand root, string verb)
    {
        var output = new StringWriter();
        root.Parse([verb, "--help"]).Invoke(new InvocationConfiguration { Output = output });
        return output.ToString();
    }

    [GeneratedRegex(@"\[default: (?<value>[^\]]+)\]")]
    private static partial Regex DefaultShown();

    /// <summary>How <see cref="TimeSpan"/> prints itself (<c>00:00:30</c>), which the parser rejects.</summary>
    [GeneratedRegex(@"\d\d:\d\d:\d\d")]
    private static partial Regex TimeSpanText();
}
