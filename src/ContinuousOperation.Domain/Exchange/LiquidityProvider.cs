using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>
/// The simulated market maker: a ladder of <c>depthLevels</c> resting orders per side around the fair price, re-quoted
/// from scratch on every refresh. Because the old ladder is cancelled before the new one is placed, the provider's orders
/// never meet each other; a new quote that crosses a paper trader's resting order trades with it (the market moved through it).
/// </summary>
internal sealed class LiquidityProvider(Instrument instrument, int depthLevels, Random random, string idPrefix)
{
    /// <summary>Average notional (quote currency) at the best level; deeper levels hold more.</summary>
    public const decimal MeanLevelNotional = 20_000m;

    private static readonly double SqrtOneMinuteInDays = Math.Sqrt(TimeSpan.FromMinutes(1).TotalDays);

    private readonly List<OrderKey> _quotes = new(2 * depthLevels);
    private long _quoteCount;

    /// <summary>
    /// Replaces the ladder. With <paramref name="allowTrades"/> false, levels that would cross a resting order are skipped
    /// (used when rebuilding a book, where trades would be events nobody journals); either way further levels are added
    /// until <c>depthLevels</c> quotes rest on each side.
    /// </summary>
    public void Requote(OrderBook book, double fairPrice, double dailyVolatility, List<Match> matches, bool allowTrades)
    {
        foreach (var key in _quotes) book.Cancel(key);
        _quotes.Clear();

        var fair = (decimal)fairPrice;
        var tick = instrument.TickSize;
        var spacing = LevelSpacing(fair, dailyVolatility);
        QuoteSide(book, Side.Buy, Math.Floor(fair / tick) * tick - tick, -spacing, fair, matches, allowTrades);
        QuoteSide(book, Side.Sell, Math.Ceiling(fair / tick) * tick + tick, spacing, fair, matches, allowTrades);
    }

    /// <summary>A quarter of a typical one-minute move, on the tick grid and at least one tick, so the ladder's reach
    /// follows the volatility of the regime.</summary>
    private decimal LevelSpacing(decimal fair, double dailyVolatility)
    {
        var typicalMinuteMove = fair * (decimal)(dailyVolatility * SqrtOneMinuteInDays);
        return Math.Max(instrument.TickSize, instrument.RoundToTick(typicalMinuteMove / 4));
    }

    private void QuoteSide(
        OrderBook book, Side side, decimal bestPrice, decimal step, decimal fair, List<Match> matches, bool allowTrades)
    {
        var resting = 0;
        for (var level = 0; resting < depthLevels; level++)
        {
            var price = bestPrice + level * step;
            // Only a price collapsing towards zero can get here; the bid side then stays thinner rather than going negative.
            if (price <= 0) return;
            if (!allowTrades && book.WouldCross(side, price)) continue;

            var key = new OrderKey(AccountId.LiquidityProvider, new ClientOrderId($"{idPrefix}{++_quoteCount}"));
            if (book.SubmitLimit(key, side, price, LevelQuantity(fair, level), matches) == 0) continue;
            _quotes.Add(key);
            resting++;
        }
    }

    private decimal LevelQuantity(decimal fair, int level)
    {
        var notional = MeanLevelNotional * (decimal)random.NextDouble(0.5, 1.5) * (1 + 0.1m * level);
        return Math.Max(instrument.LotSize, instrument.FloorToLot(notional / fair));
    }
}
