using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Exchange;

public sealed class OrderBookMatchingTests
{
    // Halves on both grids: the prices and sizes below (100.5, 1.5, …) are whole ticks and lots.
    private static readonly Instrument Instrument = new(new Symbol("TEST-USDT"), TickSize: 0.5m, LotSize: 0.5m, InitialPrice: 100m);

    private readonly OrderBook _book = new(Instrument);
    private readonly List<Match> _matches = new();

    [Fact]
    public void Orders_at_one_price_fill_in_arrival_order()
    {
        Submit("first", Side.Sell, 100m, 1m);
        Submit("second", Side.Sell, 100m, 1m);

        Submit("taker", Side.Buy, 100m, 1.5m);

        Assert.Equal([("first", 1m), ("second", 0.5m)], MakersAndQuantities());
    }

    [Fact]
    public void Better_price_fills_before_earlier_order()
    {
        Submit("early-worse", Side.Buy, 99m, 1m);
        Submit("late-better", Side.Buy, 100m, 1m);

        Submit("taker", Side.Sell, 99m, 1m);

        Assert.Equal([("late-better", 1m)], MakersAndQuantities());
    }

    [Fact]
    public void Partial_fill_leaves_the_maker_resting_with_its_remainder()
    {
        Submit("maker", Side.Sell, 100m, 3m);

        var unfilled = Submit("taker", Side.Buy, 100m, 1m);

        Assert.Equal(0m, unfilled);
        Assert.Equal([new DepthLevel(100m, 2m)], _book.Depth(Side.Sell, 5));
        Assert.Equal(2m, _book.Cancel(Key("maker")));
    }

    [Fact]
    public void Market_order_walks_levels_and_drops_what_the_book_cannot_fill()
    {
        Submit("a", Side.Sell, 100m, 1m);
        Submit("b", Side.Sell, 101m, 1m);
        Submit("c", Side.Sell, 102m, 1m);

        var unfilled = _book.Submit(new OrderRequest(Account, new ClientOrderId("taker"), Side.Buy, OrderType.Market, null, 4m), _matches);

        Assert.Equal([100m, 101m, 102m], _matches.Select(m => m.Price));
        Assert.Equal(1m, unfilled);
        Assert.Null(_book.BestAsk);
        Assert.Null(_book.BestBid);
        Assert.Null(_book.Cancel(Key("taker"))); // the unfilled rest was dropped, not rested
    }

    [Fact]
    public void Crossing_limit_order_trades_at_maker_prices_up_to_its_limit_then_rests()
    {
        Submit("a", Side.Sell, 100m, 1m);
        Submit("b", Side.Sell, 101m, 1m);
        Submit("beyond-limit", Side.Sell, 103m, 1m);

        var unfilled = Submit("taker", Side.Buy, 102m, 3m);

        Assert.Equal([100m, 101m], _matches.Select(m => m.Price));
        Assert.All(_matches, m => Assert.Equal(Side.Buy, m.TakerSide));
        Assert.Equal(1m, unfilled);
        Assert.Equal(102m, _book.BestBid);
        Assert.Equal(103m, _book.BestAsk);
        Assert.Equal([new DepthLevel(102m, 1m)], _book.Depth(Side.Buy, 5));
    }

    [Fact]
    public void Non_crossing_limit_order_rests_without_trading()
    {
        Submit("ask", Side.Sell, 101m, 1m);

        Submit("bid", Side.Buy, 100m, 1m);

        Assert.Empty(_matches);
        Assert.Equal(100m, _book.BestBid);
        Assert.Equal(101m, _book.BestAsk);
    }

    [Fact]
    public void Cancel_removes_the_order_and_an_emptied_level()
    {
        Submit("keep", Side.Buy, 99m, 1m);
        Submit("cancel", Side.Buy, 100m, 2m);

        Assert.Equal(2m, _book.Cancel(Key("cancel")));

        Assert.Equal([new DepthLevel(99m, 1m)], _book.Depth(Side.Buy, 5));
    }

    [Fact]
    public void Cancel_of_unknown_or_filled_order_returns_null()
    {
        Submit("maker", Side.Sell, 100m, 1m);
        Submit("taker", Side.Buy, 100m, 1m);

        Assert.Null(_book.Cancel(Key("never-placed")));
        Assert.Null(_book.Cancel(Key("maker")));
        Assert.Null(_book.Cancel(Key("maker")));
    }

    [Fact]
    public void Depth_aggregates_orders_per_level_best_first_and_stops_at_the_requested_count()
    {
        Submit("a", Side.Buy, 100m, 1m);
        Submit("b", Side.Buy, 100m, 2m);
        Submit("c", Side.Buy, 98m, 1m);
        Submit("d", Side.Buy, 99m, 4m);

        Assert.Equal([new DepthLevel(100m, 3m), new DepthLevel(99m, 4m)], _book.Depth(Side.Buy, 2));
        Assert.Equal(3m, _book.TopQuantity(Side.Buy));
    }

    [Theory]
    [InlineData(Side.Buy, 101, true)]
    [InlineData(Side.Buy, 100.5, false)]
    [InlineData(Side.Sell, 100, true)]
    [InlineData(Side.Sell, 100.5, false)]
    public void WouldCross_compares_with_the_opposite_best(Side side, decimal price, bool crosses)
    {
        Submit("bid", Side.Buy, 100m, 1m);
        Submit("ask", Side.Sell, 101m, 1m);

        Assert.Equal(crosses, _book.WouldCross(side, price));
    }

    private static readonly AccountId Account = new("trader-TEST");

    private static OrderKey Key(string id) => new(Account, new ClientOrderId(id));

    private decimal Submit(string id, Side side, decimal price, decimal quantity) =>
        _book.Submit(new OrderRequest(Account, new ClientOrderId(id), side, OrderType.Limit, price, quantity), _matches);

    private List<(string, decimal)> MakersAndQuantities() =>
        _matches.Select(m => (m.Maker.ClientOrderId.Value, m.Quantity)).ToList();
}
