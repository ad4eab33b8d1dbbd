using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Monitoring;

/// <summary>The metrics actor's view of the clock and the process, so tests can script both.</summary>
public interface IResourceProbe
{
    DateTimeOffset Now { get; }

    ResourceReading Read();
}
