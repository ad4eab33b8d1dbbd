using ContinuousOperation.Cli.Hosting;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The console's view of a logged exception: its cause in one line, never a stack trace.</summary>
public sealed class ExceptionSummaryTests
{
    [Fact]
    public void An_exception_is_summed_up_by_its_innermost_cause_on_one_line()
    {
        var wrapped = new InvalidOperationException("Error while creating actor", new OverflowException("TimeSpan overflowed.\nsecond line"));

        Assert.Equal(" (OverflowException: TimeSpan overflowed.; details in run.log)", SummaryOf(wrapped));
    }

    [Fact]
    public void An_event_without_an_exception_gets_an_empty_summary()
    {
        Assert.Equal("", SummaryOf(null));
    }

    private static string SummaryOf(Exception? exception)
    {
        var logEvent = new LogEvent(DateTimeOffset.UnixEpoch, LogEventLevel.Error, exception, new MessageTemplateParser().Parse("failed"), []);
        new ExceptionSummary().Enrich(logEvent, new PropertyFactory());
        return (string)((ScalarValue)logEvent.Properties[ExceptionSummary.PropertyName]).Value!;
    }

    private sealed class PropertyFactory : ILogEventPropertyFactory
    {
        public LogEventProperty CreateProperty(string name, object? value, bool destructureObjects = false) => new(name, new ScalarValue(value));
    }
}
