using ContinuousOperation.Cli.LiveConsole;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>Serilog for the process: the console, and for a run its <c>run.log</c>. Akka's own logging is routed here
/// through Akka.Logger.Serilog, which writes to the static <see cref="Log.Logger"/>. With <c>live</c>, the console
/// keeps a live status area at the bottom (<see cref="LiveConsoleSink"/>); otherwise it gets plain lines. Either way
/// <see cref="ConsoleGate"/> decides what of the log the console shows. Every sink renders through
/// <see cref="RedactingFormatter"/>, so no password reaches the console or the file.</summary>
internal sealed class RunLogging : IDisposable
{
    /// <summary>The console gets the exception's one-line summary, never its stack trace; run.log gets all of it.
    /// The templates use <c>:l</c> (strings unquoted): the plain formatter, needed to redact what the sinks write,
    /// does not know the console sink's <c>:lj</c>.</summary>
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:l}{" + ExceptionSummary.PropertyName + ":l}{NewLine}";
    private const string FileTemplate = "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] {LogSource} {Message:l}{NewLine}{Exception}";

    /// <summary>Used when the terminal cannot tell its width.</summary>
    private const int DefaultWidth = 120;

    private readonly LiveConsoleSink? liveConsole;
    private readonly ConsoleGate console;
    private readonly IDisposable? plainConsole;

    private RunLogging(LiveConsoleSink? liveConsole, ConsoleGate console, IDisposable? plainConsole)
    {
        this.liveConsole = liveConsole;
        this.console = console;
        this.plainConsole = plainConsole;
    }

    public static RunLogging Start(string? logFile, LogEventLevel consoleLevel = LogEventLevel.Information, bool live = false)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .Enrich.FromLogContext()
            .Enrich.With<ExceptionSummary>();
        // run.log first: sinks are written in order, so a line already on the console is already in the file when
        // someone kills the process on seeing it.
        if (logFile is not null) configuration = configuration.WriteTo.File(Redacting(FileTemplate), logFile);
        var formatter = Redacting(ConsoleTemplate);
        var liveConsole = live ? new LiveConsoleSink(Console.Out, formatter, TerminalWidth) : null;
        var plainConsole = liveConsole is null ? new LoggerConfiguration().WriteTo.Console(formatter).CreateLogger() : null;
        var console = new ConsoleGate((ILogEventSink?)liveConsole ?? plainConsole!);
        Log.Logger = configuration.WriteTo.Sink(console, consoleLevel).CreateLogger();
        return new RunLogging(liveConsole, console, plainConsole);
    }

    /// <summary>The live status area of an interactive console; null when the console gets plain lines.</summary>
    public LiveConsoleSink? LiveConsole => liveConsole;

    /// <summary>Hands the console over to the run's summary and verdict: the live status is taken off the terminal, and
    /// whatever is logged from here on (the actor system's shutdown, …) goes to run.log only.</summary>
    public void CloseConsole()
    {
        liveConsole?.End();
        console.Close();
    }

    /// <exception cref="InfrastructureException">The log could not be completed (for example, the disk is full).</exception>
    public void Dispose()
    {
        liveConsole?.End();
        try
        {
            Log.CloseAndFlush();
            plainConsole?.Dispose();
        }
        catch (IOException e)
        {
            throw new InfrastructureException($"run.log could not be completed: {e.Message}", e);
        }
    }

    private static RedactingFormatter Redacting(string template) => new(new MessageTemplateTextFormatter(template));

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : DefaultWidth;
        }
        catch (IOException)
        {
            return DefaultWidth;
        }
    }
}
