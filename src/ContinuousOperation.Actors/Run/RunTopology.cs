using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Trading;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Run;

/// <summary>Turns the user's <see cref="RunSettings"/> into the settings of each actor, in one place.</summary>
public static class RunTopology
{
    /// <summary>Wall time between market steps; each step advances simulated time by this × speed.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(100);

    public const decimal StartingCash = 1_000_000m;

    public static ExchangeSettings Exchange(RunSettings run) => new(
        run.Instruments, run.Market, FeeSchedule.Default, run.Seed, run.Speed, TickInterval,
        HeartbeatInterval: TimeSpan.FromSeconds(1), RestartBackoff.Default) { Run = run.Run, Snapshots = run.Snapshots };

    /// <summary>Traders decide once per simulated second (never more often than every 50 ms of wall time).</summary>
    public static IReadOnlyList<TraderSettings> Traders(RunSettings run)
    {
        var decisionInterval = TimeSpan.FromMilliseconds(Math.Max(50, 1000 / run.Speed));
        return run.Instruments
            .Select(instrument => new TraderSettings(instrument, StartingCash, run.Seed, decisionInterval,
                RequestTimeout: TimeSpan.FromSeconds(3), StreamSilenceTimeout: TimeSpan.FromSeconds(5),
                MarketDataFetchInterval: TimeSpan.FromSeconds(5)) { Run = run.Run, Snapshots = run.Snapshots })
            .ToArray();
    }
}
