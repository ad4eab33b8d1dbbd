using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace ContinuousOperation.Cli.LiveConsole;

/// <summary>
/// The console of an interactive run: log lines scroll as usual while the last line of the terminal is a live status
/// (<see cref="LiveStatus"/>), redrawn in place after each line. Resource lines only update the status (they are in
/// <c>run.log</c>); progress lines, warnings and errors are printed and scroll above it.
/// </summary>
internal sealed class LiveConsoleSink(TextWriter output, ITextFormatter formatter, Func<int> terminalWidth) : ILogEventSink
{
    /// <summary>Carriage return, then erase the whole line (ANSI): the cursor is at the start of an empty line.</summary>
    private const string EraseLine = "\r\u001b[2K";

    private readonly Lock gate = new();
    private LiveStatus? status;
    private bool ended;

    public void Emit(LogEvent logEvent)
    {
        var template = logEvent.MessageTemplate.Text;
        lock (gate)
        {
            if (!ended && LiveStatus.Tracks(template))
            {
                status = (status ?? LiveStatus.Empty).Absorb(template, ValuesOf(logEvent));
            }

            if (!ended && LiveStatus.IsResourceLine(template))
            {
                Redraw();
                return;
            }

            if (status is not null && !ended) output.Write(EraseLine);
            formatter.Format(logEvent, output);
            Redraw();
        }
    }

    /// <summary>Removes the status line for good, so what is written next (the summary) starts on a clean line.</summary>
    public void End()
    {
        lock (gate)
        {
            if (status is not null && !ended) output.Write(EraseLine);
            ended = true;
            output.Flush();
        }
    }

    private void Redraw()
    {
        if (status is not null && !ended) output.Write(EraseLine + status.Render(terminalWidth()));
        output.Flush();
    }

    private static IReadOnlyDictionary<string, object?> ValuesOf(LogEvent logEvent) =>
        logEvent.Properties.ToDictionary(p => p.Key, p => p.Value is ScalarValue scalar ? scalar.Value : p.Value.ToString());
}
