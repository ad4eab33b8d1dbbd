using ContinuousOperation.Actors.Monitoring;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>
/// What of the log reaches the console; run.log gets everything. A kind of line (one message template) logged more than
/// <see cref="LinesPerWindow"/> times within <see cref="Window"/> is summarized: the rest of that window is held back
/// and counted in one note at the same level (an overloaded 300-symbol run printed 7,400 lines: thousands of "fell
/// behind the run's speed", "error during an injected fault" and request time-out errors, one per symbol). Dead letters
/// one by one are never shown (their summary is). Once <see cref="Close"/>d nothing more is shown, so that the run's summary and
/// verdict are the last lines of its output.
/// </summary>
internal sealed class ConsoleGate(ILogEventSink console) : ILogEventSink
{
    public const int LinesPerWindow = 5;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private static readonly MessageTemplate HeldNote = new MessageTemplateParser().Parse(
        "{Held} more line(s) like \"{Like}\" within {Seconds} s: in run.log only");

    private readonly Lock gate = new();
    private readonly Dictionary<string, Burst> bursts = [];
    private bool closed;

    public void Emit(LogEvent logEvent)
    {
        lock (gate)
        {
            var template = logEvent.MessageTemplate.Text;
            if (closed || template == LostMessageWatcher.DeadLetterTemplate) return;
            NoteEnded(logEvent.Timestamp);
            if (!bursts.TryGetValue(template, out var burst)) bursts[template] = burst = new Burst(logEvent.Timestamp);
            if (burst.Shown < LinesPerWindow)
            {
                burst.Shown++;
                console.Emit(logEvent);
            }
            else
            {
                burst.Held++;
                burst.Last = logEvent;
            }
        }
    }

    /// <summary>Nothing more reaches the console: what the process logs from here on is in run.log only. Lines held
    /// back until now are noted first.</summary>
    public void Close()
    {
        lock (gate)
        {
            if (closed) return;
            NoteEnded(DateTimeOffset.MaxValue);
            closed = true;
        }
    }

    /// <summary>Bursts whose window is over at <paramref name="now"/> are forgotten, with a note for what they held back.</summary>
    private void NoteEnded(DateTimeOffset now)
    {
        foreach (var (template, burst) in bursts.Where(b => now - b.Value.Start >= Window).ToArray())
        {
            bursts.Remove(template);
            if (burst.Last is { } last) console.Emit(Note(last, burst.Held));
        }
    }

    private static LogEvent Note(LogEvent last, int held) =>
        new(last.Timestamp, last.Level, null, HeldNote,
        [
            new LogEventProperty("Held", new ScalarValue(held)),
            new LogEventProperty("Like", new ScalarValue(last.MessageTemplate.Text)),
            new LogEventProperty("Seconds", new ScalarValue(Window.TotalSeconds)),
            new LogEventProperty(ExceptionSummary.PropertyName, new ScalarValue("")),
        ]);

    private sealed class Burst(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;
        public int Shown { get; set; }
        public int Held { get; set; }
        public LogEvent? Last { get; set; }
    }
}
