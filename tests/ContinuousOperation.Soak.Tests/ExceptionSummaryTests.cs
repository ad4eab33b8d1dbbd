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
    public void A_line_that_already_names_the_cause_only_says_where_the_stack_trace_is()
    {
        var injected = new InvalidOperationException("injected crash (fault #4)");

        Assert.Equal(" (stack trace in run.log)", SummaryOf(injected, "injected crash (fault #4) of /user/exchange: restarting it"));
        Assert.Equal(" (InvalidOperationException: injected crash (fault #4); details in run.log)", SummaryOf(injected, "failed"));
    }

    [Fact]
    public void An_event_without_an_exception_gets_an_empty_summary()
    {
        Assert.Equal("", SummaryOf(null));
    }

    private static string SummaryOf(Exception? exception, string message = "failed")
    {
        var logEvent = new LogEvent(DateTimeOffset.UnixEpoch, LogEventLevel.Error, exception, new MessageTemplateParser().Parse(message), []);
        new ExceptionSummary().Enrich(logEvent, new PropertyFactory());
        return (string)((ScalarValue)logEvent.Properties[ExceptionSummary.PropertyName]).Value!;
    }

    private sealed class PropertyFactory : ILogEventPropertyFactory
    {
        public LogEventProperty CreateProperty(string name, object? value, bool destructureObjects = false) => new(name, new ScalarValue(value));
    }
}
