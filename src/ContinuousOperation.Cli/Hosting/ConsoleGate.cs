using ContinuousOperation.Actors.Monitoring;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>
/// What of the log reaches the console (run.log gets everything): not the dead letters one by one (their summary
/// does), only the first <see cref="FellBehindShown"/> "fell behind the run's speed" warnings (a run of 1,000 symbols
/// raised thousands; the report's pace section counts them all), and nothing once <see cref="Close"/>d, so that the
/// run's summary and verdict are the last lines of its output.
/// </summary>
internal sealed class ConsoleGate(ILogEventSink console) : ILogEventSink
{
    public const int FellBehindShown = 5;

    private static readonly MessageTemplate FellBehindNote = new MessageTemplateParser().Parse(
        "More parts of the run fell behind its speed: further warnings of this kind are in run.log only (the report's pace section counts them all)");

    private readonly Lock gate = new();
    private int fellBehind;
    private bool closed;

    public void Emit(LogEvent logEvent)
    {
        lock (gate)
        {
            if (closed) return;
            switch (logEvent.MessageTemplate.Text)
            {
                case LostMessageWatcher.DeadLetterTemplate:
                    return;
                case MetricsActor.FellBehindTemplate when ++fellBehind > FellBehindShown:
                    if (fellBehind == FellBehindShown + 1) console.Emit(Note(logEvent));
                    return;
                default:
                    console.Emit(logEvent);
                    return;
            }
        }
    }

    /// <summary>Nothing more reaches the console: what the process logs from here on is in run.log only.</summary>
    public void Close()
    {
        lock (gate) closed = true;
    }

    private static LogEvent Note(LogEvent cause) =>
        new(cause.Timestamp, LogEventLevel.Warning, null, FellBehindNote,
            [new LogEventProperty(ExceptionSummary.PropertyName, new ScalarValue(""))]);
}
