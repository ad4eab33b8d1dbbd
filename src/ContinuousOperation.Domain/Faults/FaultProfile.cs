namespace ContinuousOperation.Domain.Faults;

/// <summary>How often one kind of fault is injected and how long the system has to recover from it.
/// <see cref="Duration"/> applies to faults that last (a silent stream, a database outage), <see cref="Count"/> to
/// request faults (how many consecutive requests are affected).</summary>
public sealed record FaultRule(double RatePerHour, TimeSpan RecoveryDeadline, TimeSpan Duration = default, int Count = 1);

/// <summary>A named set of fault rules. Rates are per hour of simulated time, so a run at <c>--speed 24</c> sees a
/// day's worth of faults in an hour, and the same seed puts them at the same simulated times.</summary>
public sealed record FaultProfile(string Name, IReadOnlyDictionary<FaultKind, FaultRule> Rules)
{
    public static readonly FaultProfile None = new("none", new Dictionary<FaultKind, FaultRule>());

    /// <summary>A few faults of each kind per day-hour: what a healthy production week might throw at the system.</summary>
    public static readonly FaultProfile Light = Uniform("light", ratePerHour: 2, nodeRatePerHour: 0.5, outage: TimeSpan.FromSeconds(2));

    /// <summary>One fault of each kind per simulated minute: a stress test of every recovery path. Node faults (in a
    /// cluster) come a few per hour: each takes a node away for the best part of a minute of wall time.</summary>
    public static readonly FaultProfile Heavy = Uniform("heavy", ratePerHour: 60, nodeRatePerHour: 4, outage: TimeSpan.FromSeconds(3));

    public bool IsEmpty => Rules.Values.All(r => r.RatePerHour <= 0);

    public static FaultProfile? Named(string name) => name switch
    {
        "none" => None,
        "light" => Light,
        "heavy" => Heavy,
        _ => null,
    };

    /// <summary>Node fault deadlines run from the end of the fault's duration: the node is back (killed or left) or
    /// resumed (partitioned). By then a killed or partitioned node has been downed (failure detection, then the split
    /// brain resolver's <c>stable-after</c>) and its shards have moved; what remains is for the entities to replay their
    /// journals on the surviving nodes. A partition lasts long enough for the resolver to down the node.</summary>
    private static FaultProfile Uniform(string name, double ratePerHour, double nodeRatePerHour, TimeSpan outage) => new(name,
        FaultKinds.All.ToDictionary(kind => kind, kind => kind switch
        {
            FaultKind.DatabaseOutage => new FaultRule(ratePerHour, RecoveryDeadline: TimeSpan.FromSeconds(45), outage),
            FaultKind.StreamSilence => new FaultRule(ratePerHour, RecoveryDeadline: TimeSpan.FromSeconds(30),
                Duration: TimeSpan.FromSeconds(8)),
            FaultKind.RequestTimeout or FaultKind.RequestError => new FaultRule(ratePerHour,
                RecoveryDeadline: TimeSpan.FromSeconds(20), Count: 3),
            FaultKind.ExchangeCrash => new FaultRule(ratePerHour, RecoveryDeadline: TimeSpan.FromSeconds(45)),
            FaultKind.NodeKill => new FaultRule(nodeRatePerHour, RecoveryDeadline: TimeSpan.FromSeconds(60),
                Duration: TimeSpan.FromSeconds(5)),
            FaultKind.NodePartition => new FaultRule(nodeRatePerHour, RecoveryDeadline: TimeSpan.FromSeconds(60),
                Duration: TimeSpan.FromSeconds(40)),
            FaultKind.NodeLeave => new FaultRule(nodeRatePerHour, RecoveryDeadline: TimeSpan.FromSeconds(45),
                Duration: TimeSpan.FromSeconds(5)),
            _ => new FaultRule(ratePerHour, RecoveryDeadline: TimeSpan.FromSeconds(30)),
        }));
}
