using System.Text;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Tests.Persistence;

public sealed class SnapshotSerializerTests
{
    private static readonly Instrument Btc = InstrumentCatalog.For(new Symbol("BTC-USDT"));
    private static readonly AccountId Trader = AccountId.TraderFor(Btc.Symbol);
    private readonly SnapshotSerializer serializer = new(null!);

    private static VenueSnapshot BusyVenue()
    {
        var venue = new SymbolVenue(Btc, new MarketSettings(), FeeSchedule.Default, seed: 3);
        for (var second = 1; second <= 120; second++)
        {
            venue.Advance(TimeSpan.FromSeconds(1));
            venue.Place(new OrderRequest(Trader, new ClientOrderId($"o-{second}"), second % 2 == 0 ? Side.Buy : Side.Sell,
                second % 3 == 0 ? OrderType.Market : OrderType.Limit, second % 3 == 0 ? null : 1_000m + second, 0.01m));
        }

        return venue.Snapshot();
    }

    private object RoundTrip(object snapshot) => serializer.FromBinary(serializer.ToBinary(snapshot), serializer.Manifest(snapshot));

    [Fact]
    public void A_venue_snapshot_reads_back_equal()
    {
        var snapshot = BusyVenue();

        var read = Assert.IsType<VenueSnapshot>(RoundTrip(snapshot));

        Assert.Equal((snapshot.SimTime, snapshot.LastTradeId, snapshot.LastTradePrice, snapshot.Arrivals),
            (read.SimTime, read.LastTradeId, read.LastTradePrice, read.Arrivals));
        Assert.Equal(snapshot.Balances, read.Balances);
        Assert.Equal(snapshot.FillSequences, read.FillSequences);
        Assert.NotEmpty(read.LiveOrders);
        Assert.Equal(snapshot.LiveOrders, read.LiveOrders);
        Assert.NotEmpty(read.TerminalOrders);
        Assert.Equal(snapshot.TerminalOrders, read.TerminalOrders);
        Assert.NotEmpty(read.RecentFills);
        Assert.Equal(snapshot.RecentFills, read.RecentFills);
    }

    [Fact]
    public void A_trader_snapshot_reads_back_equal()
    {
        var state = TraderState.Empty(Btc.Symbol).Apply(new AccountOpened(Btc.Symbol, Trader, 1_000m));
        state = state.Apply(state.EventForPlacement(new PlaceOrderIntent(Side.Buy, OrderType.Limit, 99.5m, 0.25m), TimeSpan.FromMinutes(3)));
        var snapshot = state.ToSnapshot();

        var read = Assert.IsType<TraderSnapshot>(RoundTrip(snapshot));

        Assert.Equal(snapshot with { LiveOrders = [] }, read with { LiveOrders = [] });
        Assert.Equal(snapshot.LiveOrders, read.LiveOrders);
    }

    [Fact]
    public void The_manifest_names_the_type_and_the_schema_version()
    {
        Assert.Equal($"VenueSnapshot/v{SnapshotSerializer.SchemaVersion}", serializer.Manifest(BusyVenue()));
    }

    [Fact]
    public void Another_schema_version_is_unreadable_and_says_which()
    {
        var bytes = serializer.ToBinary(BusyVenue());

        var read = Assert.IsType<UnreadableSnapshot>(serializer.FromBinary(bytes, "VenueSnapshot/v99"));

        Assert.Contains("VenueSnapshot/v99", read.Reason);
    }

    [Fact]
    public void Corrupt_bytes_are_unreadable_instead_of_throwing()
    {
        var read = serializer.FromBinary(Encoding.UTF8.GetBytes("{\"Cash\": 12"), serializer.Manifest(TraderState.Empty(Btc.Symbol).ToSnapshot()));

        Assert.IsType<UnreadableSnapshot>(read);
    }
}
