using Serilog.Core;
using Serilog.Events;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>Adds <c>ExceptionSummary</c> to every event: the exception's type and first message line (unless the line
/// already holds it), or nothing. The
/// console shows it instead of the stack trace (which only <c>run.log</c> gets), so an operator sees what failed and
/// the console never shows a trace.</summary>
internal sealed class ExceptionSummary : ILogEventEnricher
{
    public const string PropertyName = nameof(ExceptionSummary);

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var cause = logEvent.Exception is { } e ? Innermost(e) : null;
        var message = cause?.Message.Split('\n')[0].Trim();
        var summary = cause is null ? ""
            // The line already says it (an injected crash names itself): only where the rest is.
            : logEvent.RenderMessage().Contains(message!, StringComparison.Ordinal) ? " (stack trace in run.log)"
            : $" ({cause.GetType().Name}: {message}; details in run.log)";
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(PropertyName, summary));
    }

    /// <summary>Akka wraps the cause (an actor's constructor threw, …) in its own exception; the cause says more.</summary>
    private static Exception Innermost(Exception exception) =>
        exception.InnerException is { } inner ? Innermost(inner) : exception;
}
