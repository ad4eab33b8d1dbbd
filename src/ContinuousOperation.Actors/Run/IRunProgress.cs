using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Run;

/// <summary>Where the coordinator keeps its segment's durable <see cref="RunCheckpoint"/>, so a killed run can be
/// resumed (the composition root chooses: a file in the run folder).</summary>
public interface IRunProgress
{
    /// <summary>Replaces the segment's previous checkpoint, all at once. May throw an I/O exception.</summary>
    void Save(RunCheckpoint checkpoint);
}
