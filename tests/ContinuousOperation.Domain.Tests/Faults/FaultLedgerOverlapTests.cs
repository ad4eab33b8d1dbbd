using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Faults;

/// <summary>
/// Every pair of faults on one symbol, the second striking while the first is still in effect or recovering. Each
/// recovers by what the system really announces for it (and, where the second restarts the actor holding the first,
/// by what that restart announces), never before its own effect is over, and the account is the same whether the
/// news that a fault took effect arrives before or after the signals that follow it.
/// </summary>
public class FaultLedgerOverlapTests
{
    private static readonly Symbol Btc = new("BTC-USDT");
    private static readonly Symbol Eth = new("ETH-USDT");
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Later than a signal can be ahead of the news, within the ledger's lead.</summary>
    private static readonly TimeSpan LateNews = TimeSpan.FromSeconds(1.5);

    public sealed record Target(FaultKind Kind, StreamChannel? Channel)
    {
        public override string ToString() => Channel is { } channel ? $"{Kind.Name()} ({channel})" : Kind.Name();
    }

    /// <summary>Each kind of fault of a single-node run, stream faults on either channel (node faults have their own
    /// tests).</summary>
    private static readonly Target[] Targets = FaultKinds.All.Where(kind => kind.AppliesTo(FaultScope.SingleNode))
        .SelectMany(kind => kind.IsStreamFault()
            ? new[] { new Target(kind, StreamChannel.MarketData), new Target(kind, StreamChannel.Account) }
            : [new Target(kind, null)])
        .ToArray();

    public static TheoryData<Target, Target> Pairs()
    {
        var pairs = new TheoryData<Target, Target>();
        foreach (var first in Targets)
        foreach (var second in Targets)
            pairs.Add(first, second);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Overlapping_faults_each_recover_after_their_own_effect_and_whatever_order_the_news_comes_in(
        Target first, Target second)
    {
        var scenario = new Scenario(first, second);

        var inOrder = scenario.Replay(newsDelay: TimeSpan.Zero);
        var newsLate = scenario.Replay(LateNews);

        Assert.Equal(inOrder, newsLate);
        foreach (var (record, effectEnd, recoveredBy) in inOrder.Zip(scenario.EffectEnds, scenario.RecoveredBy))
        {
            Assert.Equal(FaultOutcome.Recovered, record.Outcome);
            Assert.InRange(record.RecoveredAt!.Value, effectEnd, recoveredBy);
        }
    }

    /// <summary>The first fault takes effect at T0, the second one second later; then the system recovers from the
    /// second, and later from the first.</summary>
    private sealed class Scenario
    {
        private readonly ScheduledFault[] faults;
        private readonly List<(DateTimeOffset At, object What)> events = [];

        public Scenario(Target first, Target second)
        {
            faults = [Fault(1, first), Fault(2, second)];
            var applied = new[] { T0, T0.AddSeconds(1) };
            var ends = faults.Select((f, i) => applied[i] + Lasting(f.Kind)).ToArray();
            if (Restarts(faults[1], faults[0]) && ends[0] > applied[1])
            {
                // The second fault takes down the actor holding the first, which ends the first's effect.
                ends[0] = applied[1];
                events.Add((applied[1], new FaultEffectEnded(1, applied[1])));
            }

            var recoveries = new[] { Max(ends[0], ends[1]).AddSeconds(1.5), ends[1].AddSeconds(1) };
            for (var i = 0; i < 2; i++)
            {
                events.Add((applied[i], new Applied(faults[i].Id)));
                events.AddRange(RecoveryOf(faults[i], ends[i], recoveries[i]).Select(s => (s.At, (object)s)));
            }

            EffectEnds = ends;
            RecoveredBy = recoveries.Select(r => r.AddSeconds(0.2)).ToArray();
        }

        public IReadOnlyList<DateTimeOffset> EffectEnds { get; }

        /// <summary>When each fault's own recovery is complete: another's signals may end it earlier, never later.</summary>
        public IReadOnlyList<DateTimeOffset> RecoveredBy { get; }

        /// <summary>Feeds the events to a fresh ledger in time order, the news that a fault took effect delayed.</summary>
        public IReadOnlyList<FaultRecord> Replay(TimeSpan newsDelay)
        {
            var ledger = new FaultLedger([Btc, Eth]);
            foreach (var fault in faults) ledger.Injected(fault, T0.AddSeconds(-1));
            foreach (var (at, what) in events.OrderBy(e => e.What is Applied ? e.At + newsDelay : e.At))
            {
                if (what is Applied applied) ledger.Applied(applied.FaultId, at);
                else ledger.Observe((RecoverySignal)what);
            }

            return ledger.Report("test").Timeline;
        }

        private static ScheduledFault Fault(int id, Target target) =>
            new(id, TimeSpan.FromSeconds(id), target.Kind, target.Kind.TargetsSymbol() ? Btc : null, target.Channel,
                Lasting(target.Kind), Count: 3, RecoveryDeadline: TimeSpan.FromSeconds(30));

        /// <summary>How long the effect lasts: a silence as planned; an outage, and requests being broken, until the
        /// venue tells.</summary>
        private static TimeSpan Lasting(FaultKind kind) => kind switch
        {
            FaultKind.StreamSilence => TimeSpan.FromSeconds(8),
            FaultKind.DatabaseOutage => TimeSpan.FromSeconds(3),
            _ when kind.IsRequestFault() => TimeSpan.FromSeconds(2),
            _ => TimeSpan.Zero,
        };

        /// <summary>Whether the second fault restarts the actor that holds the first one's effect: the exchange holds
        /// the market-data streams and the request faults, and restarts with every book; a book holds its account
        /// channel.</summary>
        private static bool Restarts(ScheduledFault second, ScheduledFault first) =>
            (first.Kind.IsRequestFault() || first.Kind.IsStreamFault()) && second.Kind switch
            {
                FaultKind.ExchangeCrash => true,
                FaultKind.OrderBookCrash => first.Channel == StreamChannel.Account,
                _ => false,
            };

        /// <summary>What the system announces as it recovers from the fault on its own, starting at <paramref name="at"/>.</summary>
        private static RecoverySignal[] RecoveryOf(ScheduledFault fault, DateTimeOffset effectEnd, DateTimeOffset at)
        {
            var symbol = fault.Symbol ?? Btc;
            return fault.Kind switch
            {
                FaultKind.TraderCrash => [new EntityRecovered(EntityKind.Trader, symbol, at)],
                FaultKind.OrderBookCrash => [new EntityRecovered(EntityKind.OrderBook, symbol, at)],
                FaultKind.ExchangeCrash =>
                [
                    new EntityRecovered(EntityKind.OrderBook, Btc, at),
                    new EntityRecovered(EntityKind.OrderBook, Eth, at.AddSeconds(0.1)),
                ],
                FaultKind.DatabaseOutage =>
                [
                    new EntityStopped(EntityKind.Trader, Eth, effectEnd.AddSeconds(-0.5)),
                    new FaultEffectEnded(fault.Id, effectEnd),
                    new EntityRecovered(EntityKind.Trader, Eth, at),
                ],
                _ when fault.Kind.IsRequestFault() =>
                [
                    new FaultEffectEnded(fault.Id, effectEnd),
                    new StreamRestored(symbol, StreamChannel.Account, at.AddSeconds(0.1), RequestedAt: at),
                ],
                FaultKind.StreamDuplicate => [new DuplicateIgnored(symbol, fault.Channel!.Value, at)],
                _ => [new StreamRestored(symbol, fault.Channel!.Value, at, RequestedAt: at)],
            };
        }

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

        private sealed record Applied(int FaultId);
    }
}
