using ContinuousOperation.Cli.LiveConsole;
using ContinuousOperation.Domain.Monitoring;
using Serilog;
using Serilog.Formatting.Display;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The console of a run: plain lines when redirected or in CI, a live status area on a terminal.</summary>
public sealed class LiveConsoleTests
{
    private const string EraseLine = "\r\u001b[2K";
    private const string EraseLineAbove = "\u001b[1A\u001b[2K";

    private static readonly ResourceSample Resources =
        new(DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(5), 151.26, 12.34, 30, 4, 1, 5.04, 10, 20, GcPauseMs: 88, ThreadPoolThreads: 6, BusiestMailbox: 3);

    private static LiveFigures Figures(double elapsedSeconds, long orders, long fills, double? p99 = 12.34) =>
        new(TimeSpan.FromSeconds(elapsedSeconds), TimeSpan.FromMinutes(1), orders, fills, Errors: 2, FaultsInjected: 7, FaultsInEffect: 1, p99);

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
    public void The_status_shows_progress_rates_latency_errors_faults_memory_and_cpu()
    {
        var first = LiveStatus.Next(null, Figures(15, 30, 15), Resources);
        var second = LiveStatus.Next(first, Figures(17, 40, 21), Resources);

        Assert.Equal(
            ["[#######-----------------]  28%  0h00m17s elapsed, 0h00m43s left",
             "orders 5.0/s  fills 3.0/s  order p99 12.3 ms  errors 2  faults in effect 1 (7 injected)",
             "memory 151.3 MB (heap 12.3 MB)  CPU 5.0% of the machine"],
            second.Render(200));
        // The first status has no earlier one: its rates are over the run so far.
        Assert.StartsWith("orders 2.0/s  fills 1.0/s", first.Render(200)[1]);
    }

    [Fact]
    public void The_time_left_is_known_from_the_start_and_the_bar_stops_at_the_end()
    {
        Assert.EndsWith("0h00m00s elapsed, 0h01m00s left", LiveStatus.Next(null, Figures(0, 0, 0, p99: null), Resources).Render(200)[0]);
        Assert.Contains("order p99 n/a", LiveStatus.Next(null, Figures(0, 0, 0, p99: null), Resources).Render(200)[1]);
        Assert.Equal("[########################] 100%  0h01m00s elapsed, 0h00m00s left",
            LiveStatus.Next(null, Figures(75, 0, 0), Resources).Render(200)[0]);
    }

    [Fact]
    public void No_line_of_the_status_is_wider_than_the_terminal()
    {
        Assert.All(LiveStatus.Next(null, Figures(15, 30, 15), Resources).Render(40), line => Assert.True(line.Length <= 39, line));
    }

    [Fact]
    public void On_a_terminal_log_lines_scroll_above_the_status_area_and_resource_lines_wait_for_run_log()
    {
        var output = new StringWriter();
        var sink = new LiveConsoleSink(output, new MessageTemplateTextFormatter("{Message:lj}{NewLine}"), () => 200);
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        logger.Information("Run started");
        sink.Show(LiveStatus.Next(null, Figures(15, 30, 15), Resources));
        logger.Information(ResourceLine.Template, ResourceLine.Of(Resources).Values);
        logger.Warning("Resource anomaly {Kind}", "HighMemory");
        sink.End();
        sink.Show(LiveStatus.Next(null, Figures(16, 30, 15), Resources));
        logger.Information("after the end");

        var text = output.ToString().Replace("\r\n", "\n");
        var area = string.Join('\n', LiveStatus.Next(null, Figures(15, 30, 15), Resources).Render(200));
        Assert.Equal(
            "Run started\n" + area +
            EraseLine + EraseLineAbove + EraseLineAbove + "Resource anomaly HighMemory\n" + area +
            EraseLine + EraseLineAbove + EraseLineAbove + "after the end\n",
            text);
    }
}
