namespace ContinuousOperation.Domain.Monitoring;

public enum ErrorKind
{
    Database,
    Api,
    Stream,
    Actor,
    Consistency,
    Infrastructure,

    /// <summary>An injected fault the system did not recover from within its deadline.</summary>
    Fault,

    /// <summary>A business message that reached no one (dead letter) or that its receiver did not handle.</summary>
    LostMessage,
}

/// <summary>DESIGN §5's classification. Ordered from least to most severe.</summary>
public enum ErrorSeverity
{
    /// <summary>Caused by an injected fault while it was in effect or recovering: expected, not counted as an error
    /// (a fault that misses its recovery deadline is reported as an error of its own).</summary>
    Injected,

    Error,

    /// <summary>Supervisor gave up, actor system terminated, consistency violated, journal unreadable.</summary>
    Critical,
}

public static class ErrorSeverities
{
    /// <summary>Whether errors of this severity count in <c>total_errors</c> and the error rate: all but injected ones.</summary>
    public static bool CountsAgainstRun(this ErrorSeverity severity) => severity != ErrorSeverity.Injected;
}

/// <summary>One error as it was observed.</summary>
public sealed record ErrorRecord(DateTimeOffset At, ErrorKind Kind, ErrorSeverity Severity, string Source, string Message);

/// <summary>Errors grouped by kind, severity and source, for the report's error analysis; bounded whatever the run length.</summary>
public sealed record ErrorSummary(
    ErrorKind Kind, ErrorSeverity Severity, string Source, long Count, DateTimeOffset FirstAt, DateTimeOffset LastAt,
    string LastMessage);
