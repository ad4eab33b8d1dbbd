using Akka.Configuration;
using ContinuousOperation.Cli.Hosting;

namespace ContinuousOperation.Cli.Parsing;

/// <summary>
/// Reads <c>--config FILE.hocon</c> and checks the settings the run depends on before anything starts. Akka reads a
/// setting only when the part that needs it starts, and a wrong type then fails far from the file: a log level of
/// <c>42</c> throws out of the actor system's start (exit 134), a journal <c>parallelism = not-a-number</c> stops the
/// journal, and the run never persists. Each known key is asked for in its type through Akka's own <see cref="Config"/>
/// getters, so the check accepts exactly what Akka will accept; keys not in the table are left to Akka.
/// </summary>
internal static class UserConfigFile
{
    private const string Option = "--config";
    private const string Journal = "akka.persistence.journal.sql";
    private const string Query = "akka.persistence.query.journal.sql";
    private const string Snapshots = "akka.persistence.snapshot-store.sql";

    private static readonly string[] LogLevels = ["DEBUG", "INFO", "WARNING", "ERROR", "OFF"];
    private static readonly string[] IsolationLevels =
        ["unspecified", "chaos", "read-uncommitted", "read-committed", "repeatable-read", "serializable", "snapshot"];

    /// <summary>The settings checked: where, and what a valid value is.</summary>
    private static readonly (string Path, Setting Rule)[] Known =
    [
        ("akka.loglevel", OneOf(LogLevels)),
        ("akka.stdout-loglevel", OneOf(LogLevels)),
        ("akka.log-config-on-start", Switch),
        ("akka.log-dead-letters-during-shutdown", Switch),
        ("akka.actor.serialize-messages", Switch),
        ("akka.actor.default-dispatcher.throughput", PositiveWhole),
        ("akka.coordinated-shutdown.default-phase-timeout", PositiveDuration),
        ("akka.coordinated-shutdown.run-by-clr-shutdown-hook", Switch),
        ("akka.coordinated-shutdown.exit-clr", Switch),
        ($"{Journal}.parallelism", PositiveWhole),
        ($"{Journal}.batch-size", PositiveWhole),
        ($"{Journal}.buffer-size", PositiveWhole),
        ($"{Journal}.replay-batch-size", PositiveWhole),
        ($"{Journal}.max-row-by-row-size", PositiveWhole),
        ($"{Journal}.db-round-trip-max-batch-size", PositiveWhole),
        ($"{Journal}.initialization-retry-delay", PositiveDuration),
        ($"{Journal}.auto-initialize", Switch),
        ($"{Journal}.prefer-parameters-on-multirow-insert", Switch),
        ($"{Journal}.tag-write-mode", OneOf(["Csv", "TagTable", "Both"])),
        ($"{Journal}.read-isolation-level", OneOf(IsolationLevels)),
        ($"{Journal}.write-isolation-level", OneOf(IsolationLevels)),
        ($"{Query}.refresh-interval", PositiveDuration),
        ($"{Query}.max-buffer-size", PositiveWhole),
        ($"{Query}.max-concurrent-queries", PositiveWhole),
        ($"{Query}.query-throttle-timeout", PositiveDuration),
        ($"{Query}.tag-read-mode", OneOf(["Csv", "TagTable"])),
        ($"{Query}.read-isolation-level", OneOf(IsolationLevels)),
        ($"{Snapshots}.read-isolation-level", OneOf(IsolationLevels)),
        ($"{Snapshots}.write-isolation-level", OneOf(IsolationLevels)),
        (SnapshotConfig.EveryEventsPath, WholeOrZero),
        (SnapshotConfig.EveryPath, DurationOrOff),
    ];

    /// <summary>Why a value is wrong, or null when it is fine.</summary>
    private delegate string? Setting(Config config, string path);

    /// <exception cref="UsageException">The file cannot be read, is not HOCON, or a known key has a wrong value.</exception>
    public static Config Read(string path)
    {
        var config = HoconFileReader.Read(Option, path);
        if (Check(config) is { } problem) throw new UsageException($"{Option} {path}: {problem}");
        return config;
    }

    /// <summary>The first wrong setting as "key problem", or null when every known key that is set is valid.</summary>
    public static string? Check(Config config)
    {
        foreach (var (path, rule) in Known)
        {
            if (!config.HasPath(path)) continue;
            string? problem;
            try
            {
                problem = rule(config, path);
            }
            catch (Exception e)
            {
                // Akka's getters throw several exception types for a value of the wrong type; all mean the same here.
                problem = $"cannot be read ({e.Message.Split('\n')[0]})";
            }

            if (problem is not null) return $"{path} {problem} (got '{Raw(config, path)}')";
        }

        return null;
    }

    private static Setting OneOf(string[] allowed) => (config, path) =>
        allowed.Contains(config.GetString(path), StringComparer.OrdinalIgnoreCase) ? null : $"must be one of {string.Join(", ", allowed)}";

    private static string? PositiveWhole(Config config, string path) =>
        config.GetInt(path) > 0 ? null : "must be a whole number greater than zero";

    private static string? WholeOrZero(Config config, string path) =>
        config.GetLong(path) >= 0 ? null : "must be a whole number, or 0 for off";

    private static string? PositiveDuration(Config config, string path) =>
        config.GetTimeSpan(path, allowInfinite: false) > TimeSpan.Zero ? null : "must be a duration greater than zero, such as 5s";

    private static string? DurationOrOff(Config config, string path) =>
        SnapshotConfig.Interval(config, path) >= TimeSpan.Zero ? null : "must be a duration such as 10m, or 0 or off for off";

    private static string? Switch(Config config, string path)
    {
        config.GetBoolean(path);
        return null;
    }

    private static string Raw(Config config, string path)
    {
        try
        {
            return config.GetValue(path)?.ToString() ?? "";
        }
        catch (Exception)
        {
            return "?";
        }
    }
}
