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
    public static readonly FaultProfile Light = Uniform("light", ratePerHour: 2, outage: TimeSpan.FromSeconds(2));

    /// <summary>One fault of each kind per simulated minute: a stress test of every recovery path.</summary>
    public static readonly FaultProfile Heavy = Uniform("heavy", ratePerHour: 60, outage: TimeSpan.FromSeconds(3));

    public bool IsEmpty => Rules.Values.All(r => r.RatePerHour <= 0);

    public static FaultProfile? Named(string name) => name switch
    {
        "none" => None,
        "light" => Light,
        "heavy" => Heavy,
        _ => null,
    };

    private static FaultProfile Uniform(string name, double ratePerHour, TimeSpan outage) => new(name,
        FaultKinds.All.ToDictionary(kind => kind, kind => kind switch
        {
            FaultKind.DatabaseOutage => new FaultRule(ratePerHour, RecoveryDeadline: TimeSpan.FromSeconds(45), outage),
            FaultKind.StreamSilence => new FaultRule(ratePerHour, RecoveryDeadline: TimeSpan.FromSeconds(30),
                Duration: TimeSpan.FromSeconds(8)),
            FaultKind.RequestTimeout or FaultKind.RequestError => new FaultRule(ratePerHour,
                RecoveryDeadline: TimeSpan.FromSeconds(20), Count: 3),
            FaultKind.ExchangeCrash => new FaultRule(ratePerHour, RecoveryDeadline: TimeSpan.FromSeconds(45)),
            _ => new FaultRule(ratePerHour, RecoveryDeadline: TimeSpan.FromSeconds(30)),
        }));
}
