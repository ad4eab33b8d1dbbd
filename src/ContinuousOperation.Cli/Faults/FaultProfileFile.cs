using System.Globalization;
using Akka.Configuration;
using Akka.Configuration.Hocon;
using ContinuousOperation.Cli.Parsing;
using ContinuousOperation.Domain.Faults;

namespace ContinuousOperation.Cli.Faults;

/// <summary>
/// Reads a fault profile from a HOCON file (<c>--faults FILE</c>), named after the file:
/// <code>
/// faults {
///   trader-crash    { rate-per-hour = 10, recovery-deadline = 30s }
///   database-outage { rate-per-hour = 2,  recovery-deadline = 60s, duration = 8s }
///   request-timeout { rate-per-hour = 6,  recovery-deadline = 20s, count = 3 }
///   node-kill       { rate-per-hour = 1,  recovery-deadline = 60s, duration = 5s }   # cluster runs only
/// }
/// </code>
/// Every mistake is a <see cref="UsageException"/> naming the file and the key, found before the run starts.
/// </summary>
internal static class FaultProfileFile
{
    private const string Section = "faults";
    private const string RateKey = "rate-per-hour";
    private const string DeadlineKey = "recovery-deadline";
    private const string DurationKey = "duration";
    private const string CountKey = "count";

    /// <summary>Faults that last a while, so they need a <c>duration</c>; the others strike once. A killed node, or
    /// one that left, is started again after its duration; a partitioned node is cut off for its duration.</summary>
    private static readonly HashSet<FaultKind> Lasting =
        [FaultKind.StreamSilence, FaultKind.DatabaseOutage, FaultKind.NodeKill, FaultKind.NodePartition, FaultKind.NodeLeave];

    /// <summary>Faults that hit a number of consecutive requests (<c>count</c>, 1 unless given).</summary>
    private static readonly HashSet<FaultKind> Counted = [FaultKind.RequestTimeout, FaultKind.RequestError];

    /// <exception cref="UsageException">The file cannot be read, is not HOCON, or does not describe a profile.</exception>
    public static FaultProfile Load(string path) =>
        Parse(Path.GetFileNameWithoutExtension(path), HoconFileReader.Read("--faults", path), path);

    /// <param name="name">The profile's name, as the report will show it.</param>
    /// <param name="config">The file's HOCON.</param>
    /// <param name="path">The file, for error messages.</param>
    private static FaultProfile Parse(string name, Config config, string path)
    {
        var root = config.IsEmpty ? new Dictionary<string, HoconValue>() : config.Root.GetObject().Items;
        if (root.Keys.FirstOrDefault(key => key != Section) is { } stray)
        {
            throw Error(path, stray, $"is not expected; the file holds one '{Section} {{ … }}' section");
        }

        if (!root.TryGetValue(Section, out var section) || !section.IsObject())
        {
            throw new UsageException($"--faults {path} has no '{Section} {{ … }}' section");
        }

        var rules = new Dictionary<FaultKind, FaultRule>();
        foreach (var (kindName, value) in section.GetObject().Items)
        {
            var key = $"{Section}.{kindName}";
            if (!FaultKinds.TryParse(kindName, out var kind))
            {
                throw Error(path, key, $"is not a fault kind; expected one of {string.Join(", ", FaultKinds.All.Select(k => k.Name()))}");
            }

            if (!value.IsObject()) throw Error(path, key, $"must be an object such as {{ {RateKey} = 2, {DeadlineKey} = 30s }}");
            rules[kind] = Rule(kind, value.GetObject().Items, key, path);
        }

        return new FaultProfile(name, rules);
    }

    private static FaultRule Rule(FaultKind kind, IDictionary<string, HoconValue> settings, string key, string path)
    {
        var allowed = new List<string> { RateKey, DeadlineKey };
        if (Lasting.Contains(kind)) allowed.Add(DurationKey);
        if (Counted.Contains(kind)) allowed.Add(CountKey);
        if (settings.Keys.FirstOrDefault(setting => !allowed.Contains(setting)) is { } unknown)
        {
            throw Error(path, $"{key}.{unknown}", $"does not apply to {kind.Name()}; expected {string.Join(", ", allowed)}");
        }

        var rate = Rate(Required(settings, RateKey, key, path), $"{key}.{RateKey}", path);
        var deadline = Duration(Required(settings, DeadlineKey, key, path), $"{key}.{DeadlineKey}", path);
        var duration = Lasting.Contains(kind)
            ? Duration(Required(settings, DurationKey, key, path), $"{key}.{DurationKey}", path)
            : TimeSpan.Zero;
        var count = settings.TryGetValue(CountKey, out var countValue) ? Count(countValue, $"{key}.{CountKey}", path) : 1;
        return new FaultRule(rate, deadline, duration, count);
    }

    private static HoconValue Required(IDictionary<string, HoconValue> settings, string setting, string key, string path) =>
        settings.TryGetValue(setting, out var value) ? value : throw Error(path, $"{key}.{setting}", "is missing");

    private static double Rate(HoconValue value, string key, string path)
    {
        var text = Scalar(value, key, path);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && double.IsFinite(rate) && rate >= 0
            ? rate
            : throw Error(path, key, $"must be a number of faults per hour, 0 or more (got '{text}')");
    }

    private static int Count(HoconValue value, string key, string path)
    {
        var text = Scalar(value, key, path);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1
            ? count
            : throw Error(path, key, $"must be a whole number of requests, 1 or more (got '{text}')");
    }

    /// <summary>Durations read as the command line's time options read them (<c>30s</c>, <c>2m</c>, <c>1m30s</c>):
    /// always with a unit.</summary>
    private static TimeSpan Duration(HoconValue value, string key, string path)
    {
        var text = Scalar(value, key, path);
        return DurationParser.TryParse(text, out var duration, out var error) ? duration : throw Error(path, key, error);
    }

    private static string Scalar(HoconValue value, string key, string path) =>
        value.IsString() ? value.GetString() : throw Error(path, key, "must be a single value, not an object or a list");

    private static UsageException Error(string path, string key, string problem) => new($"--faults {path}: {key} {problem}");
}
