using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Cli.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ContinuousOperation.Soak.Tests;

/// <summary>What of the log reaches the console; run.log gets all of it.</summary>
public sealed class ConsoleGateTests
{
    private sealed class Recorder : ILogEventSink
    {
        public List<string> Lines { get; } = [];

        public void Emit(LogEvent logEvent) => Lines.Add($"{logEvent.Level} {logEvent.RenderMessage()}");
    }

    private readonly Recorder console = new();
    private readonly ConsoleGate gate;
    private readonly Logger logger;

    public ConsoleGateTests()
    {
        gate = new ConsoleGate(console);
        logger = new LoggerConfiguration().WriteTo.Sink(gate).CreateLogger();
    }

    [Fact]
    public void Dead_letters_one_by_one_stay_off_the_console_and_their_summary_is_shown()
    {
        logger.Information(LostMessageWatcher.DeadLetterTemplate, "MarketTick", "/user/a", "/user/b");
        logger.Information("{DeadLetters} dead letter(s)", 12);

        Assert.Equal(["Information 12 dead letter(s)"], console.Lines);
    }

    [Fact]
    public void Only_the_first_fell_behind_warnings_are_shown_then_one_note_says_where_the_rest_are()
    {
        foreach (var i in Enumerable.Range(0, 1000)) logger.Warning(MetricsActor.FellBehindTemplate, "Market", $"SIM{i}", "00:00:02", 0);

        Assert.Equal(ConsoleGate.FellBehindShown + 1, console.Lines.Count);
        Assert.Contains("SIM0\" fell behind", console.Lines[0]);
        Assert.StartsWith("Warning More parts of the run fell behind its speed", console.Lines[^1]);
        Assert.Contains("run.log", console.Lines[^1]);
    }

    [Fact]
    public void Once_closed_nothing_more_reaches_the_console()
    {
        logger.Information("before");
        gate.Close();
        logger.Information("CoordinatedShutdown invoked. Exiting with [ExitCode:0].");
        logger.Error("late failure");

        Assert.Equal(["Information before"], console.Lines);
    }
}
