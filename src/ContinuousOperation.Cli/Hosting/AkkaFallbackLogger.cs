using Akka.Event;
using LogEventLevel = Serilog.Events.LogEventLevel;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>
/// Akka's logger for the moments when its configured loggers are not attached: while the actor system starts and while
/// it shuts down. Akka's default writes straight to stdout, whole stack traces included (an interrupted
/// <c>reconcile</c> printed fifteen lines of them); this one hands the event to Serilog instead, so it reaches run.log
/// in full and the console as one line, and is dropped once the process's logging has closed.
/// Named in <c>akka.stdout-logger-class</c>; Akka creates it through its parameterless constructor.
/// </summary>
public sealed class AkkaFallbackLogger : MinimalLogger
{
    protected override void Log(object message)
    {
        if (message is not LogEvent logEvent) return;
        Serilog.Log.ForContext("LogSource", logEvent.LogSource)
            .Write(LevelOf(logEvent.LogLevel()), logEvent.Cause, "{AkkaMessage:l}", logEvent.Message?.ToString());
    }

    private static LogEventLevel LevelOf(LogLevel level) => level switch
    {
        LogLevel.DebugLevel => LogEventLevel.Debug,
        LogLevel.InfoLevel => LogEventLevel.Information,
        LogLevel.WarningLevel => LogEventLevel.Warning,
        _ => LogEventLevel.Error,
    };
}
