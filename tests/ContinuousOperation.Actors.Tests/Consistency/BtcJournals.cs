using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Tests.Consistency;

/// <summary>
/// A complete, consistent BTC-USDT run in miniature: the paper trader buys 0.01 BTC at 60 000 as taker from the
/// liquidity provider, then the venue closes the book. Both journals agree on every fill, position and cash amount.
/// </summary>
internal static class BtcJournals
{
    public static readonly Symbol Symbol = new("BTC-USDT");
    public static readonly AccountId Trader = AccountId.TraderFor(Symbol);
    public static readonly ClientOrderId Order = new("BTC-USDT-c1");
    public static readonly FillId TraderFill = FillId.For(Symbol, 1, Side.Buy);

    private const decimal StartingCash = 100_000m;
    private const decimal Price = 60_000m;
    private const decimal Quantity = 0.01m;
    private static readonly TimeSpan At = TimeSpan.FromSeconds(5);
    private static readonly decimal TakerFee = FeeSchedule.Default.Fee(Price, Quantity, isMaker: false);
    private static readonly decimal MakerFee = FeeSchedule.Default.Fee(Price, Quantity, isMaker: true);

    public static IJournalEvent[] TraderJournal() =>
    [
        new AccountOpened(Symbol, Trader, StartingCash),
        new OrderSubmitted(Order, Side.Buy, OrderType.Limit, Price, Quantity, At),
        new OrderAcknowledged(Order),
        .. TraderFillEvents(),
    ];

    /// <summary>The trader journal of a run that lost the fill: the order was acknowledged, the fill never applied.</summary>
    public static IJournalEvent[] TraderJournalWithoutTheFill() => TraderJournal()[..^TraderFillEvents().Length];

    public static IJournalEvent[] ExchangeJournal() =>
    [
        new ExchangeOrderAccepted(Symbol, Trader, Order, Side.Buy, OrderType.Limit, Price, Quantity, At),
        new TradeExecuted(
            Symbol, TradeId: 1, Price, Quantity,
            Buyer: new TradeLeg(Trader, Order, TraderFill, AccountFillSequence: 1, TakerFee, IsMaker: false),
            Seller: new TradeLeg(
                AccountId.LiquidityProvider, new ClientOrderId("lp-1"), FillId.For(Symbol, 1, Side.Sell),
                AccountFillSequence: 1, MakerFee, IsMaker: true),
            Aggressor: Side.Buy, At),
        new BookClosed(
            Symbol,
            [
                new AccountBalance(Trader, Quantity, -(Price * Quantity) - TakerFee, TakerFee),
                new AccountBalance(AccountId.LiquidityProvider, -Quantity, Price * Quantity - MakerFee, MakerFee),
            ],
            LiveTraderOrders: [],
            At + TimeSpan.FromSeconds(1)),
    ];

    private static IJournalEvent[] TraderFillEvents() =>
    [
        new FillApplied(Order, TraderFill, Side.Buy, Price, Quantity, TakerFee, AccountFillSequence: 1, At),
        new PositionChanged(
            PositionChange.Opened, TraderFill, Quantity, AverageEntryPrice: Price, RealizedPnl: 0,
            Cash: StartingCash - Price * Quantity - TakerFee),
    ];
}
