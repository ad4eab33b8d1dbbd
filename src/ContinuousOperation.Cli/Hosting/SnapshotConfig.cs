using Akka.Configuration;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>Reads the snapshot policy from the actor system's HOCON (base.hocon, overridable with --config), so the
/// actors receive it in their settings and never look configuration up themselves.</summary>
internal static class SnapshotConfig
{
    public const string EveryEventsPath = "continuous-operation.snapshots.every-events";

    public static SnapshotPolicy Read(Config config)
    {
        if (!config.HasPath(EveryEventsPath)) return SnapshotPolicy.Default;
        var text = config.GetString(EveryEventsPath);
        return long.TryParse(text, out var everyEvents) && everyEvents >= 0
            ? new SnapshotPolicy(everyEvents)
            : throw new UsageException($"{EveryEventsPath} must be 0 (off) or a number of events, not '{text}'");
    }
}
