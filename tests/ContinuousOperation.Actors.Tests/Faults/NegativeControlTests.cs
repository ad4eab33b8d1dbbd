using Akka.Actor;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Actors.Trading;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Trading;
using static ContinuousOperation.Actors.Tests.Faults.VenueHarness;

namespace ContinuousOperation.Actors.Tests.Faults;

/// <summary>
/// Each recovery mechanism, switched off, must let a fault do damage that reconciliation reports exactly — and the
/// same scenario with the mechanism on must reconcile. This is what proves the checks can fail.
/// </summary>
public class NegativeControlTests : SqliteTestKit
{
    private readonly VenueHarness venue;

    public NegativeControlTests() => venue = new VenueHarness(this);

    private void Start(RecoveryMechanisms recovery, RestartBackoff? backoff = null, double placeAfterSimSeconds = 0) =>
        Start(TraderSettings(recovery), backoff, placeAfterSimSeconds);

    private void Start(TraderSettings trader, RestartBackoff? backoff = null, double placeAfterSimSeconds = 0) =>
        venue.Start(new OneFarOrderStrategy(Btc, TimeSpan.FromSeconds(placeAfterSimSeconds)), trader, backoff);

    private static InvariantResult Invariant(ConsistencyReport report, Invariant invariant) =>
        report.Invariants.Single(i => i.Invariant == invariant);

    /// <summary>The account channel loses the push of the trader's fill; only the gap, which the next account heartbeat
    /// reveals, can bring it back. Returns the probe that sees the trader's account syncs from then on.</summary>
    private async Task<Akka.TestKit.TestProbe> LoseAFillPush(RecoveryMechanisms recovery)
    {
        // Only the gap may bring the fill back: on a slow machine a request timeout or a late heartbeat would otherwise
        // sync the account too, and the control would prove nothing.
        Start(TraderSettings(recovery) with
        {
            RequestTimeout = TimeSpan.FromSeconds(30),
            AccountSilenceTimeout = TimeSpan.FromSeconds(30),
        });
        var order = await venue.AwaitAcknowledgedOrder();
        var syncs = CreateTestProbe();
        Sys.EventStream.Subscribe(syncs.Ref, typeof(StreamRestored));
        venue.Exchange.Tell(new InjectAccountChannelFault(1, Btc.Symbol, FaultKind.StreamDrop, TimeSpan.Zero));
        venue.TradeAgainst(order);
        ExpectMsg<FaultApplied>(applied => Assert.Equal(1, applied.FaultId));
        return syncs;
    }

    [Fact]
    public async Task Without_resync_on_a_gap_a_lost_fill_push_is_a_lost_fill()
    {
        var syncs = await LoseAFillPush(new RecoveryMechanisms(ResyncOnGap: false));

        // Several account heartbeats announce the fill the trader lacks; it does not ask for it.
        syncs.ExpectNoMsg(TimeSpan.FromSeconds(3));
        var report = await venue.DrainAndReconcile();

        var lost = Invariant(report, Domain.Consistency.Invariant.FillsExactlyOnce);
        Assert.False(lost.Holds);
        var venueFill = Assert.Single(lost.Violations).Ids;
        Assert.Contains($"{Btc.Symbol}-", string.Join(",", venueFill));
        Assert.Empty((await venue.TraderJournal()).OfType<FillApplied>());
    }

    [Fact]
    public async Task With_resync_on_a_gap_a_lost_fill_push_is_recovered()
    {
        var syncs = await LoseAFillPush(RecoveryMechanisms.All);

        syncs.FishForMessage<StreamRestored>(r => r.Channel == StreamChannel.Account, TimeSpan.FromSeconds(5));
        var report = await venue.DrainAndReconcile();

        Assert.True(report.IsValid, Describe(report));
        await venue.AssertTraderSeesEveryVenueFill();
        Assert.Single(await venue.TraderJournal(), e => e is FillApplied);
    }

    /// <summary>The trader is down (a slow back-off) while its resting order is filled: the fill is pushed to no one.</summary>
    private async Task<ConsistencyReport> FillWhileTheTraderIsDown(RecoveryMechanisms recovery)
    {
        Start(recovery, new RestartBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), 0));
        var order = await venue.AwaitAcknowledgedOrder();
        await venue.KillTrader();
        venue.TradeAgainst(order);

        // The restarted trader announces itself once it has replayed its journal and synced its account.
        var signals = CreateTestProbe();
        Sys.EventStream.Subscribe(signals.Ref, typeof(EntityRecovered));
        signals.FishForMessage<EntityRecovered>(r => r.Entity == EntityKind.Trader, TimeSpan.FromSeconds(10));
        return await venue.DrainAndReconcile();
    }

    [Fact]
    public async Task Without_the_missed_fill_query_a_fill_made_while_the_trader_was_down_is_lost()
    {
        var report = await FillWhileTheTraderIsDown(new RecoveryMechanisms(QueryMissedFills: false));

        var lost = Invariant(report, Domain.Consistency.Invariant.FillsExactlyOnce);
        Assert.False(lost.Holds);
        Assert.Empty((await venue.TraderJournal()).OfType<FillApplied>());
    }

    [Fact]
    public async Task With_the_missed_fill_query_a_fill_made_while_the_trader_was_down_is_applied_once()
    {
        var report = await FillWhileTheTraderIsDown(RecoveryMechanisms.All);

        Assert.True(report.IsValid, Describe(report));
        await venue.AssertTraderSeesEveryVenueFill();
        Assert.Single(await venue.TraderJournal(), e => e is FillApplied);
    }

    /// <summary>The reply to the trader's only order is lost: the venue has the order, the trader does not know it.</summary>
    private async Task<ConsistencyReport> LoseTheReplyToTheOrder(RecoveryMechanisms recovery)
    {
        Start(recovery, placeAfterSimSeconds: 10);
        var signals = CreateTestProbe();
        Sys.EventStream.Subscribe(signals.Ref, typeof(EntityRecovered));
        signals.FishForMessage<EntityRecovered>(r => r.Entity == EntityKind.Trader, TimeSpan.FromSeconds(10));

        // The trader's next request is its order (it places it once 10 simulated seconds have passed).
        venue.Exchange.Tell(new InjectRequestFaults(1, Btc.Symbol, FaultKind.RequestTimeout, Count: 1));
        ExpectMsg<FaultApplied>(TimeSpan.FromSeconds(10));
        await AwaitAssertAsync(async () => Assert.NotEmpty((await venue.TraderJournal()).OfType<OrderAcknowledged>()),
            TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        return await venue.DrainAndReconcile();
    }

    [Fact]
    public async Task A_non_idempotent_retry_places_the_order_twice_and_leaves_the_first_one_orphaned()
    {
        var report = await LoseTheReplyToTheOrder(new RecoveryMechanisms(IdempotentRetry: false));

        var orphans = Invariant(report, Domain.Consistency.Invariant.NoOrphanedOrders);
        Assert.False(orphans.Holds);
        Assert.Contains(orphans.Violations, v => v.Ids.Contains($"{Btc.Symbol}-1"));
        Assert.Equal(2, (await venue.TraderJournal()).OfType<OrderSubmitted>().Count());
    }

    [Fact]
    public async Task An_idempotent_retry_settles_the_order_with_the_venue_and_places_it_once()
    {
        var report = await LoseTheReplyToTheOrder(RecoveryMechanisms.All);

        Assert.True(report.IsValid, Describe(report));
        var submitted = Assert.Single((await venue.TraderJournal()).OfType<OrderSubmitted>());
        Assert.Equal($"{Btc.Symbol}-1", submitted.ClientOrderId.Value);
    }
}
