using ContinuousOperation.Cli.Commands;

namespace ContinuousOperation.Soak.Tests;

/// <summary>How <c>--memory-warm-up</c> and <c>--self-test-leak</c> reach the run's settings.</summary>
public sealed class MemoryOptionsTests
{
    private static RunOptions Bind(params string[] arguments)
    {
        var command = new RunCommand();
        var parse = command.Parse(arguments);
        Assert.Empty(parse.Errors);
        return command.Bind(parse);
    }

    [Fact]
    public void Without_the_options_the_warm_up_is_the_default_and_nothing_leaks()
    {
        var settings = Bind().Settings;

        Assert.Null(settings.Criteria.MemoryWarmUp);
        Assert.Equal(0, settings.SelfTestLeakMbPerMinute);
    }

    [Fact]
    public void The_options_set_the_warm_up_and_the_leak_rate()
    {
        var settings = Bind("--memory-warm-up", "5m", "--self-test-leak", "12.5").Settings;

        Assert.Equal(TimeSpan.FromMinutes(5), settings.Criteria.MemoryWarmUp);
        Assert.Equal(12.5, settings.SelfTestLeakMbPerMinute);
    }

    [Theory]
    [InlineData("--self-test-leak", "-1", "--self-test-leak must not be negative")]
    [InlineData("--memory-warm-up", "soon", "--memory-warm-up: 'soon' is not a duration")]
    public void Bad_values_are_one_clear_error(string option, string value, string error)
    {
        var parse = new RunCommand().Parse([option, value]);

        Assert.StartsWith(error, Assert.Single(parse.Errors).Message);
    }
}
