using ContinuousOperation.Actors.Tests.Faults;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;
using static ContinuousOperation.Actors.Tests.Faults.VenueHarness;

namespace ContinuousOperation.Actors.Tests.Trading;

/// <summary>Real venue, real trader, real journal: a trader killed while it has orders resting must come back from its
/// journal, apply exactly once the fills the venue made while it was down, and leave journals that reconcile.</summary>
public class TraderRecoveryTests : SqliteTestKit
{
    /// <summary>Limit orders only, resting deep in the book: noise rarely reaches them, a sweep always does.</summary>
    private static readonly StrategySettings Resting = StrategySettings.Default with
    {
        MarketOrderProbability = 0,
        MarketableLimitProbability = 0,
        MaxPassiveOffsetTicks = 200,
    };

    [Fact]
    public async Task A_trader_killed_twice_with_resting_orders_recovers_the_fills_made_while_it_was_down_exactly_once()
    {
        var venue = new VenueHarness(this);
        // A back-off long enough for the book to be swept while the trader is down.
        venue.Start(new DefaultStrategy(Btc, Resting), backoff: new RestartBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0));

        for (var kill = 0; kill < 2; kill++)
        {
            var fillsBefore = await venue.JournaledFills();
            await AwaitAssertAsync(async () => Assert.Contains(await LiveOrders(venue), o => o.Status == OrderStatus.Accepted),
                TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));
            await venue.KillTrader();

            // The trader's resting orders are filled now, and the fills are pushed to no one.
            venue.Sweep(Side.Buy);
            venue.Sweep(Side.Sell);
            await venue.AwaitFillsBeyond(fillsBefore);
        }

        var report = await venue.DrainAndReconcile();
        Assert.True(report.IsValid, Describe(report));
        await venue.AssertTraderSeesEveryVenueFill();
    }

    private static async Task<IReadOnlyCollection<TrackedOrder>> LiveOrders(VenueHarness venue) =>
        (await venue.TraderJournal()).OfType<ITraderEvent>()
            .Aggregate(TraderState.Empty(Btc.Symbol), (state, e) => state.Apply(e)).LiveOrders;
}
