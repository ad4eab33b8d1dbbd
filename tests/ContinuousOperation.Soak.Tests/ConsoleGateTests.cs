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
        gate.Close();

        Assert.Equal(["Information 12 dead letter(s)"], console.Lines);
    }

    [Fact]
    public void A_kind_of_line_repeated_within_the_window_is_shown_a_few_times_then_noted_once_with_its_count()
    {
        var start = DateTimeOffset.UnixEpoch;
        foreach (var i in Enumerable.Range(0, 1000)) Write(start.AddMilliseconds(i), LogEventLevel.Warning, MetricsActor.FellBehindTemplate, "Market", $"SIM{i}", "2s", 0);
        Write(start.AddMilliseconds(1), LogEventLevel.Warning, "Account channel closed");
        Write(start + ConsoleGate.Window, LogEventLevel.Warning, MetricsActor.FellBehindTemplate, "Market", "SIM1000", "2s", 0);

        Assert.Equal(ConsoleGate.LinesPerWindow + 3, console.Lines.Count);
        Assert.All(console.Lines.Take(ConsoleGate.LinesPerWindow), line => Assert.Contains("fell behind", line));
        Assert.Equal("Warning Account channel closed", console.Lines[ConsoleGate.LinesPerWindow]);
        Assert.Equal($"Warning {1000 - ConsoleGate.LinesPerWindow} more line(s) like \"{MetricsActor.FellBehindTemplate}\" within 10 s: in run.log only",
            console.Lines[^2].Replace("\"\"", "\""));
        // A new window shows the kind again.
        Assert.Contains("SIM1000", console.Lines[^1]);
    }

    [Fact]
    public void A_flood_of_errors_is_summarized_too_and_its_note_is_an_error()
    {
        foreach (var i in Enumerable.Range(0, 20)) Write(DateTimeOffset.UnixEpoch, LogEventLevel.Error, "unexpected {N}", i);
        gate.Close();

        Assert.Equal(ConsoleGate.LinesPerWindow + 1, console.Lines.Count);
        Assert.StartsWith($"Error {20 - ConsoleGate.LinesPerWindow} more line(s) like", console.Lines[^1]);
    }

    [Fact]
    public void Closing_notes_what_was_held_back_before_the_console_goes_quiet()
    {
        foreach (var i in Enumerable.Range(0, ConsoleGate.LinesPerWindow + 2)) Write(DateTimeOffset.UnixEpoch, LogEventLevel.Information, "same {N}", i);
        gate.Close();

        Assert.StartsWith("Information 2 more line(s) like", console.Lines[^1]);
    }

    private void Write(DateTimeOffset at, LogEventLevel level, string template, params object[] values)
    {
        Assert.True(logger.BindMessageTemplate(template, values, out var parsed, out var properties));
        logger.Write(new LogEvent(at, level, null, parsed, properties));
    }

    [Fact]
    public void Once_closed_nothing_more_reaches_the_console()
    {
        logger.Information("before");
        foreach (var i in Enumerable.Range(0, ConsoleGate.LinesPerWindow)) logger.Information("same {N}", i);
        gate.Close();
        logger.Information("CoordinatedShutdown invoked. Exiting with [ExitCode:0].");
        logger.Error("late failure");

        Assert.Equal(ConsoleGate.LinesPerWindow + 1, console.Lines.Count);
        Assert.DoesNotContain(console.Lines, line => line.Contains("Exiting") || line.Contains("late failure"));
    }
}
