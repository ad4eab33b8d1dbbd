using Akka.Configuration;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>Reads the snapshot policy from the actor system's HOCON (base.hocon, overridable with --config, whose values
/// <see cref="Parsing.UserConfigFile"/> has checked), so the actors receive it in their settings and never look
/// configuration up themselves.</summary>
internal static class SnapshotConfig
{
    public const string EveryEventsPath = "continuous-operation.snapshots.every-events";
    public const string EveryPath = "continuous-operation.snapshots.every";

    public static SnapshotPolicy Read(Config config) =>
        new(config.HasPath(EveryEventsPath) ? config.GetLong(EveryEventsPath) : SnapshotPolicy.Default.EveryEvents)
        {
            Every = config.HasPath(EveryPath) ? Interval(config, EveryPath) : SnapshotPolicy.Default.Every,
        };

    /// <summary>A duration such as <c>10m</c>; <c>0</c> or <c>off</c> is <see cref="TimeSpan.Zero"/> (no time trigger).</summary>
    public static TimeSpan Interval(Config config, string path) =>
        string.Equals(config.GetString(path), "off", StringComparison.OrdinalIgnoreCase)
            ? TimeSpan.Zero
            : config.GetTimeSpan(path, allowInfinite: false);
}
