using Akka.Actor;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Domain.Faults;
using static ContinuousOperation.Actors.Tests.Faults.VenueHarness;

namespace ContinuousOperation.Actors.Tests.Faults;

/// <summary>
/// Faults that meet in real actors: a crash that takes down the actor holding another fault, and a fault armed on an
/// actor that restarts before it could take effect. The injector's account must follow what really happened.
/// </summary>
public class OverlappingFaultTests : SqliteTestKit
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(6);
    private readonly VenueHarness venue;
    private int scheduled;

    public OverlappingFaultTests() => venue = new VenueHarness(this);

    [Fact]
    public async Task A_market_data_silence_cut_short_by_an_exchange_crash_recovers_when_the_stream_is_back()
    {
        venue.Start(new OneFarOrderStrategy(Btc, TimeSpan.Zero));
        await venue.AwaitAcknowledgedOrder();

        var injector = Inject(
            Fault(1, atSeconds: 0, FaultKind.StreamSilence, StreamChannel.MarketData, Silence),
            Fault(2, atSeconds: 1, FaultKind.ExchangeCrash));

        var report = await AwaitReport(injector, r => r.Timeline.All(f => f.Outcome != FaultOutcome.Pending));
        Assert.All(report.Timeline, f => Assert.Equal(FaultOutcome.Recovered, f.Outcome));
    }

    [Fact]
    public async Task An_account_silence_cut_short_by_its_book_crashing_is_recovered_from_the_crash_on()
    {
        venue.Start(new OneFarOrderStrategy(Btc, TimeSpan.Zero));
        await venue.AwaitAcknowledgedOrder();

        var injector = Inject(
            Fault(1, atSeconds: 0, FaultKind.StreamSilence, StreamChannel.Account, Silence),
            Fault(2, atSeconds: 1, FaultKind.OrderBookCrash));

        var report = await AwaitReport(injector, r => r.Timeline.All(f => f.Outcome != FaultOutcome.Pending));
        Assert.All(report.Timeline, f => Assert.Equal(FaultOutcome.Recovered, f.Outcome));
        // The restarted book is not silent: the trader is back in sync long before the planned end of the silence.
        Assert.True(report.Timeline[0].TimeToRecover < Silence, $"recovered in {report.Timeline[0].TimeToRecover}");
    }

    [Fact]
    public async Task A_fault_armed_on_a_book_that_crashes_before_it_takes_effect_takes_effect_once_the_book_is_back()
    {
        venue.Start(new OneFarOrderStrategy(Btc, TimeSpan.Zero));
        var order = await venue.AwaitAcknowledgedOrder();

        var accountInSync = CreateTestProbe();
        Sys.EventStream.Subscribe(accountInSync.Ref, typeof(StreamRestored));

        // Nothing is pushed to the trader before its order is filled, so the drop waits in the book that crashes.
        var injector = Inject(
            Fault(1, atSeconds: 0, FaultKind.StreamDrop, StreamChannel.Account),
            Fault(2, atSeconds: 0.5, FaultKind.OrderBookCrash));
        var crash = (await AwaitReport(injector, r => r.Timeline[1].Outcome == FaultOutcome.Recovered)).Timeline[1];

        // The fill is pushed once the trader has registered with the restarted book again.
        accountInSync.FishForMessage<StreamRestored>(r => r.Channel == StreamChannel.Account && r.At > crash.RecoveredAt);
        venue.TradeAgainst(order);

        var report = await AwaitReport(injector, r => r.Timeline[0].Outcome == FaultOutcome.Recovered);
        Assert.True(report.Timeline[0].AppliedAt > report.Timeline[1].RecoveredAt);
        var consistency = await venue.DrainAndReconcile();
        Assert.True(consistency.IsValid, Describe(consistency));
        await venue.AssertTraderSeesEveryVenueFill();
    }

    private static ScheduledFault Fault(int id, double atSeconds, FaultKind kind, StreamChannel? channel = null,
        TimeSpan duration = default) =>
        new(id, TimeSpan.FromSeconds(atSeconds), kind, kind.TargetsSymbol() ? Btc.Symbol : null, channel, duration, Count: 1,
            Deadline);

    private IActorRef Inject(params ScheduledFault[] faults)
    {
        scheduled = faults.Length;
        return venue.InjectFaults(new FaultInjectorSettings("test", faults, Speed: 1, [Btc.Symbol]),
            new SqliteWriteLock(Journal.ConnectionString));
    }

    private async Task<FaultReport> AwaitReport(IActorRef injector, Func<FaultReport, bool> done)
    {
        FaultReport? report = null;
        await AwaitAssertAsync(async () =>
        {
            report = await injector.Ask<FaultReport>(GetFaultReport.Instance, TimeSpan.FromSeconds(3));
            Assert.True(report.Timeline.Count == scheduled && done(report), string.Join("; ", report.Timeline));
        }, Deadline + Silence + TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
        return report!;
    }
}
