using ContinuousOperation.Cli.LiveConsole;
using ContinuousOperation.Domain.Monitoring;
using Serilog;
using Serilog.Formatting.Display;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The console of a run: plain lines when redirected or in CI, a live status line on a terminal.</summary>
public sealed class LiveConsoleTests
{
    private const string EraseLine = "\r\u001b[2K";

    private static readonly object[] Progress = new ProgressLine("0h05m00s", "0h55m00s", 2, 455, 502, 150, 5).Values;

    private static readonly object[] Resources =
        ResourceLine.Of(new ResourceSample(DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(5), 151.26, 12.34, 30, 4, 1, 5.04, 10, 20,
            GcPauseMs: 88, ThreadPoolThreads: 6, BusiestMailbox: 3)).Values;

    [Theory]
    [InlineData(false, null, true)]
    [InlineData(false, "", true)]
    [InlineData(true, null, false)]
    [InlineData(false, "true", false)]
    public void Only_an_unredirected_console_outside_ci_is_live(bool redirected, string? ci, bool interactive)
    {
        Assert.Equal(interactive, ConsoleMode.IsInteractive(redirected, ci));
    }

    [Fact]
    public void The_status_combines_the_latest_progress_and_resource_values()
    {
        // Through a real logger, so the values reach the status under the names the templates give them.
        var output = new StringWriter();
        var width = 200;
        var sink = new LiveConsoleSink(output, new MessageTemplateTextFormatter("{Message:lj}{NewLine}"), () => width);
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        logger.Information(ProgressLine.Template, Progress);
        logger.Information(ResourceLine.Template, Resources);
        Assert.EndsWith(
            EraseLine + "0h05m00s elapsed, 0h55m00s left | orders 455 fills 502 errors 2 | memory 151.3 MB (heap 12.3) | CPU 5.0% | mailbox 3",
            output.ToString());

        width = 40;
        logger.Information(ResourceLine.Template, Resources);
        Assert.Equal(39, output.ToString().Split(EraseLine)[^1].Length);
    }

    [Fact]
    public void Other_lines_leave_the_status_unchanged()
    {
        Assert.Same(LiveStatus.Empty, LiveStatus.Empty.Absorb("Run started", new Dictionary<string, object?>()));
    }

    [Fact]
    public void On_a_terminal_resource_lines_update_the_status_and_other_lines_scroll_above_it()
    {
        var output = new StringWriter();
        var sink = new LiveConsoleSink(output, new MessageTemplateTextFormatter("{Message:lj}{NewLine}"), () => 200);
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        logger.Information("Run started");
        logger.Information(ResourceLine.Template, Resources);
        logger.Warning("Resource anomaly {Kind}", "HighMemory");
        sink.End();
        logger.Information("after the end");

        var text = output.ToString();
        Assert.StartsWith("Run started\n" + EraseLine + "0h05m00s elapsed", text.Replace("\r\n", "\n"));
        Assert.DoesNotContain("Resources at", text);
        Assert.Contains(EraseLine + "Resource anomaly HighMemory", text);
        // After End the status is erased once and never drawn again.
        Assert.EndsWith("mailbox 3" + EraseLine + "after the end" + Environment.NewLine, text);
    }
}
