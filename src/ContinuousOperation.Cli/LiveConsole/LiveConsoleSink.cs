using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Cli.LiveConsole;

/// <summary>
/// The console of an interactive run: log lines scroll as usual while the bottom lines of the terminal are a live
/// status area (<see cref="LiveStatus"/>), redrawn in place after each line and whenever <see cref="Show"/> gives a
/// new status. While a status is shown, resource lines only go to <c>run.log</c> (the status shows more, more often);
/// progress lines, warnings and errors are printed and scroll above it.
/// </summary>
internal sealed class LiveConsoleSink(TextWriter output, ITextFormatter formatter, Func<int> terminalWidth) : ILogEventSink
{
    /// <summary>Carriage return, then erase the whole line (ANSI): the cursor is at the start of an empty line.</summary>
    private const string EraseLine = "\r\u001b[2K";

    /// <summary>Cursor one line up, then erase that line (ANSI).</summary>
    private const string EraseLineAbove = "\u001b[1A\u001b[2K";

    private readonly Lock gate = new();
    private LiveStatus? status;
    private int drawnLines;
    private bool ended;

    public void Emit(LogEvent logEvent)
    {
        lock (gate)
        {
            if (status is not null && !ended && logEvent.MessageTemplate.Text == ResourceLine.Template) return;
            Erase();
            formatter.Format(logEvent, output);
            Draw();
        }
    }

    /// <summary>Shows <paramref name="next"/> in place of the status shown so far.</summary>
    public void Show(LiveStatus next)
    {
        lock (gate)
        {
            if (ended) return;
            status = next;
            Erase();
            Draw();
        }
    }

    /// <summary>Removes the status area for good, so what is written next (the summary) starts on a clean line.</summary>
    public void End()
    {
        lock (gate)
        {
            Erase();
            ended = true;
            output.Flush();
        }
    }

    private void Erase()
    {
        if (drawnLines == 0) return;
        output.Write(EraseLine);
        for (var i = 1; i < drawnLines; i++) output.Write(EraseLineAbove);
        drawnLines = 0;
    }

    private void Draw()
    {
        if (status is not null && !ended)
        {
            var lines = status.Render(terminalWidth());
            output.Write(string.Join('\n', lines));
            drawnLines = lines.Count;
        }

        output.Flush();
    }
}
