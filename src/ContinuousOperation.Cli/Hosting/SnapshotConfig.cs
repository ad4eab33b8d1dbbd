using Akka.Configuration;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>Reads the snapshot policy from the actor system's HOCON (base.hocon, overridable with --config, whose value
/// <see cref="Parsing.UserConfigFile"/> has checked), so the actors receive it in their settings and never look
/// configuration up themselves.</summary>
internal static class SnapshotConfig
{
    public const string EveryEventsPath = "continuous-operation.snapshots.every-events";

    public static SnapshotPolicy Read(Config config) =>
        config.HasPath(EveryEventsPath) ? new SnapshotPolicy(config.GetLong(EveryEventsPath)) : SnapshotPolicy.Default;
}
