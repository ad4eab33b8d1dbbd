using Serilog;
using Serilog.Events;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>Serilog for the process: the console, and for a run its <c>run.log</c>. Akka's own logging is routed here
/// through Akka.Logger.Serilog, which writes to the static <see cref="Log.Logger"/>.</summary>
internal sealed class RunLogging : IDisposable
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";
    private const string FileTemplate = "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] {LogSource} {Message:lj}{NewLine}{Exception}";

    private RunLogging()
    {
    }

    public static RunLogging Start(string? logFile, LogEventLevel consoleLevel = LogEventLevel.Information)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .Enrich.FromLogContext()
            .WriteTo.Console(restrictedToMinimumLevel: consoleLevel, outputTemplate: ConsoleTemplate);
        if (logFile is not null) configuration = configuration.WriteTo.File(logFile, outputTemplate: FileTemplate);
        Log.Logger = configuration.CreateLogger();
        return new RunLogging();
    }

    public void Dispose() => Log.CloseAndFlush();
}
