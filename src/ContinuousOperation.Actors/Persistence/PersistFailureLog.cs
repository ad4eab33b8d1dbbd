using Akka.Event;

namespace ContinuousOperation.Actors.Persistence;

/// <summary>
/// What a persistent actor logs when a write fails, instead of Akka's own error line: a warning, because the failure
/// is also reported to the metrics actor, which classifies it (an injected database outage explains it, or it is an
/// error of the run and is logged as one there). The exception goes with it, so run.log keeps the stack trace.
/// </summary>
public static class PersistFailureLog
{
    public static void Write(ILoggingAdapter log, Exception cause, string persistenceId, object @event, long sequenceNr) =>
        log.Warning(cause, "Failed to persist {Event} at sequence {SequenceNr} of {PersistenceId}: stopping, to be started again by its back-off supervisor",
            @event.GetType().Name, sequenceNr, persistenceId);
}
