using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Exchange;

/// <summary>What the book's integer representation (ticks, lots, reused order and level slots) must not change: the
/// decimals it hands back, time priority across reused slots, and its refusals.</summary>
public sealed class OrderBookRepresentationTests
{
    private static readonly Instrument Btc = InstrumentCatalog.For(new Symbol("BTC-USDT")); // tick 0.1, lot 0.0001
    private static readonly AccountId Account = new("trader-TEST");

    private readonly OrderBook _book = new(Btc);
    private readonly List<Match> _matches = new();

    [Fact]
    public void Executions_carry_prices_and_quantities_at_the_instruments_grid_scale()
    {
        Rest("maker", Side.Sell, 60_000.1m, 0.0120m);

        Submit("taker", Side.Buy, 60_000.1m, 0.0050m);

        var match = Assert.Single(_matches);
        // The journal stores decimals with their scale: these digits are what the book has always reported.
        Assert.Equal(("60000.1", "0.0050"), (match.Price.ToString(), match.Quantity.ToString()));
        Assert.Equal("0.0070", _book.TopQuantity(Side.Sell).ToString());
    }

    [Theory]
    [InlineData(60_000.05, 0.0010)]
    [InlineData(60_000.1, 0.00015)]
    public void Prices_off_the_tick_grid_and_quantities_off_the_lot_grid_are_refused_untouched(decimal price, decimal quantity)
    {
        Rest("ask", Side.Sell, 60_000.1m, 1m);

        Assert.Throws<ArgumentException>(() => Submit("off-grid", Side.Buy, price, quantity));

        Assert.Empty(_matches);
        Assert.Equal([new DepthLevel(60_000.1m, 1m)], _book.Depth(Side.Sell, 5));
        Assert.Empty(_book.Depth(Side.Buy, 5));
    }

    [Fact]
    public void A_key_already_in_the_book_is_refused_before_it_trades()
    {
        Rest("resting", Side.Buy, 59_999.9m, 1m);
        Rest("ask", Side.Sell, 60_000.1m, 1m);

        Assert.Throws<InvalidOperationException>(() => Submit("resting", Side.Buy, 60_000.1m, 1m));
        Assert.Throws<InvalidOperationException>(() =>
            _book.Submit(new OrderRequest(Account, new ClientOrderId("resting"), Side.Buy, OrderType.Market, null, 1m), _matches));

        Assert.Empty(_matches);
        Assert.Equal(1m, _book.Cancel(Key("ask")));
        Assert.Equal(1m, _book.Cancel(Key("resting")));
    }

    [Fact]
    public void An_order_in_a_reused_slot_queues_behind_the_orders_already_waiting()
    {
        Rest("a", Side.Sell, 60_000m, 1m);
        Rest("b", Side.Sell, 60_000m, 1m);
        Rest("c", Side.Sell, 60_000m, 1m);
        _book.Cancel(Key("a"));
        Rest("d", Side.Sell, 60_000m, 1m); // takes the slot "a" left

        Submit("taker", Side.Buy, 60_000m, 3m);

        Assert.Equal(["b", "c", "d"], _matches.Select(m => m.Maker.ClientOrderId.Value));
        Assert.Null(_book.BestAsk);
    }

    [Fact]
    public void A_level_reused_at_another_price_takes_its_place_in_price_order()
    {
        Rest("low", Side.Buy, 100m, 1m);
        Rest("mid", Side.Buy, 101m, 1m);
        _book.Cancel(Key("low"));
        Rest("high", Side.Buy, 103m, 2m); // takes the level 100 left
        Rest("lower", Side.Buy, 99m, 3m);

        Assert.Equal([new DepthLevel(103m, 2m), new DepthLevel(101m, 1m), new DepthLevel(99m, 3m)], _book.Depth(Side.Buy, 5));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.0001)]
    [InlineData(0.00001)]
    [InlineData(0.5)]
    [InlineData(10)]
    public void Grid_units_turn_into_the_same_decimal_bits_as_multiplication_and_back(decimal step)
    {
        var grid = new UnitGrid(step);
        foreach (var units in new long[] { 0, 1, 7, -3, 600_001, 123_456_789_012, long.MaxValue / 1_000 })
        {
            var value = grid.ToDecimal(units);
            Assert.Equal(decimal.GetBits(units * step), decimal.GetBits(value));
            Assert.Equal(units, grid.ToUnits(value));
            // The same value written with more (zero) decimals, or none, is the same number of steps.
            Assert.Equal(units, grid.ToUnits(decimal.Round(value * 1.000m, 10)));
            Assert.Equal(units, grid.ToUnits(value / 1.000000000000000000000m));
        }
    }

    [Theory]
    [InlineData(0.1, 60_000.05)]
    [InlineData(0.0001, 0.00015)]
    [InlineData(0.5, 100.25)]
    [InlineData(10, 15)]
    public void Grid_refuses_a_value_between_steps(decimal step, decimal value) =>
        Assert.Throws<ArgumentException>(() => new UnitGrid(step).ToUnits(value));

    /// <summary>Thousands of random rests, crossing orders and cancels against a plain list kept in price-time order:
    /// every execution, every cancel's remainder and the depth after each step must agree.</summary>
    [Fact]
    public void Random_operations_match_a_list_kept_in_price_time_order()
    {
        var random = new Random(7);
        var model = new List<(string Id, Side Side, decimal Price, decimal Quantity)>();
        var expected = new List<(string Maker, decimal Price, decimal Quantity)>();
        for (var step = 0; step < 5_000; step++)
        {
            var id = $"o{step}";
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var price = 60_000m + random.Next(-8, 9) * Btc.TickSize;
            var quantity = random.Next(1, 30) * Btc.LotSize;
            if (random.Next(4) == 0 && model.Count > 0)
            {
                var victim = model[random.Next(model.Count)];
                model.Remove(victim);
                Assert.Equal(victim.Quantity, _book.Cancel(Key(victim.Id)));
                continue;
            }

            expected.Clear();
            var remaining = quantity;
            var makers = model
                .Where(o => o.Side != side && (side == Side.Buy ? o.Price <= price : o.Price >= price))
                .OrderBy(o => side == Side.Buy ? o.Price : -o.Price).ToList(); // stable: arrival order within a price
            foreach (var maker in makers.TakeWhile(_ => remaining > 0))
            {
                var traded = Math.Min(remaining, maker.Quantity);
                remaining -= traded;
                expected.Add((maker.Id, maker.Price, traded));
                var at = model.IndexOf(maker);
                if (traded == maker.Quantity) model.RemoveAt(at);
                else model[at] = maker with { Quantity = maker.Quantity - traded };
            }

            if (remaining > 0) model.Add((id, side, price, remaining));

            _matches.Clear();
            Assert.Equal(remaining, Submit(id, side, price, quantity));
            Assert.Equal(expected, _matches.Select(m => (m.Maker.ClientOrderId.Value, m.Price, m.Quantity)));
            Assert.Equal(ModelDepth(model, Side.Buy), _book.Depth(Side.Buy, 100));
            Assert.Equal(ModelDepth(model, Side.Sell), _book.Depth(Side.Sell, 100));
        }
    }

    private static List<DepthLevel> ModelDepth(List<(string Id, Side Side, decimal Price, decimal Quantity)> model, Side side) =>
        model.Where(o => o.Side == side)
            .GroupBy(o => o.Price)
            .Select(g => new DepthLevel(g.Key, g.Sum(o => o.Quantity)))
            .OrderBy(l => side == Side.Buy ? -l.Price : l.Price)
            .ToList();

    private static OrderKey Key(string id) => new(Account, new ClientOrderId(id));

    private void Rest(string id, Side side, decimal price, decimal quantity) => _book.Rest(Key(id), side, price, quantity);

    private decimal Submit(string id, Side side, decimal price, decimal quantity) =>
        _book.Submit(new OrderRequest(Account, new ClientOrderId(id), side, OrderType.Limit, price, quantity), _matches);
}
