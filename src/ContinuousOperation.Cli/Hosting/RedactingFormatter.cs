using Serilog.Events;
using Serilog.Formatting;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>Renders a log event with the inner formatter, then masks any password in the text (message, properties
/// and exception alike) before it reaches the console or <c>run.log</c>. A safety net: the password is normally kept
/// out of everything the program hands on (<see cref="Database.PostgreSqlPassword"/>).</summary>
internal sealed class RedactingFormatter(ITextFormatter inner) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var rendered = new StringWriter();
        inner.Format(logEvent, rendered);
        output.Write(SecretRedactor.Redact(rendered.ToString()));
    }
}
