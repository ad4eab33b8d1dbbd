using System.Runtime.Serialization;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Persistence;

/// <summary>
/// The binary form of every journal event: one schema-version byte, then the event's fields in declaration order (the
/// event's type is the row's manifest). Within a <see cref="TradesExecuted"/> the symbol is written once, each trade's
/// time as the difference from the previous one, and a leg's fill id only when it is not the standard
/// <c>{symbol}-{tradeId}-{B|S}</c>. Bump <see cref="SchemaVersion"/> whenever a layout changes, and keep reading the
/// older versions.
/// </summary>
internal static class JournalBinaryCodec
{
    public const byte SchemaVersion = 1;

    private const byte MakerFlag = 1, CustomFillIdFlag = 2;

    /// <summary>The type names (manifests) this codec reads and writes.</summary>
    public static readonly IReadOnlySet<string> Manifests = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(ExchangeOrderAccepted), nameof(ExchangeOrderCancelled), nameof(TradeExecuted), nameof(TradesExecuted),
        nameof(BookClosed), nameof(AccountOpened), nameof(TradingStopped), nameof(OrderSubmitted),
        nameof(OrderAcknowledged), nameof(OrderRejected), nameof(OrderCancelled), nameof(FillApplied),
        nameof(PositionChanged),
    };

    public static byte[] Encode(IJournalEvent e)
    {
        var w = JournalBinaryWriter.ForThisThread();
        w.Byte(SchemaVersion);
        switch (e)
        {
            case TradesExecuted batch:
                w.String(batch.Symbol.Value);
                w.Count(batch.Trades.Count);
                var previous = TimeSpan.Zero;
                foreach (var trade in batch.Trades)
                {
                    Trade(w, trade, previous);
                    previous = trade.SimTime;
                }

                break;
            case TradeExecuted trade:
                w.String(trade.Symbol.Value);
                Trade(w, trade, TimeSpan.Zero);
                break;
            case ExchangeOrderAccepted accepted:
                w.String(accepted.Symbol.Value);
                w.Account(accepted.Account, accepted.Symbol);
                w.String(accepted.ClientOrderId.Value);
                w.Byte((byte)accepted.Side);
                w.Byte((byte)accepted.Type);
                w.NullableDecimal(accepted.LimitPrice);
                w.Decimal(accepted.Quantity);
                w.Time(accepted.SimTime);
                break;
            case ExchangeOrderCancelled cancelled:
                w.String(cancelled.Symbol.Value);
                w.Account(cancelled.Account, cancelled.Symbol);
                w.String(cancelled.ClientOrderId.Value);
                w.Decimal(cancelled.RemainingQuantity);
                w.String(cancelled.Reason);
                w.Time(cancelled.SimTime);
                break;
            case BookClosed closed:
                w.String(closed.Symbol.Value);
                w.Count(closed.Balances.Count);
                foreach (var balance in closed.Balances)
                {
                    w.Account(balance.Account, closed.Symbol);
                    w.Decimal(balance.Position);
                    w.Decimal(balance.Cash);
                    w.Decimal(balance.Fees);
                }

                w.Count(closed.LiveTraderOrders.Count);
                foreach (var id in closed.LiveTraderOrders) w.String(id.Value);
                w.Time(closed.SimTime);
                break;
            case AccountOpened opened:
                w.String(opened.Symbol.Value);
                w.Account(opened.Account, opened.Symbol);
                w.Decimal(opened.StartingCash);
                break;
            case TradingStopped:
                break;
            case OrderSubmitted submitted:
                w.String(submitted.ClientOrderId.Value);
                w.Byte((byte)submitted.Side);
                w.Byte((byte)submitted.Type);
                w.NullableDecimal(submitted.LimitPrice);
                w.Decimal(submitted.Quantity);
                w.Time(submitted.SimTime);
                break;
            case OrderAcknowledged acknowledged:
                w.String(acknowledged.ClientOrderId.Value);
                break;
            case OrderRejected rejected:
                w.String(rejected.ClientOrderId.Value);
                w.String(rejected.Reason);
                break;
            case OrderCancelled cancelled:
                w.String(cancelled.ClientOrderId.Value);
                w.Decimal(cancelled.RemainingQuantity);
                w.String(cancelled.Reason);
                break;
            case FillApplied fill:
                w.String(fill.ClientOrderId.Value);
                w.String(fill.FillId.Value);
                w.Byte((byte)fill.Side);
                w.Decimal(fill.Price);
                w.Decimal(fill.Quantity);
                w.Decimal(fill.Fee);
                w.Long(fill.AccountFillSequence);
                w.Time(fill.SimTime);
                break;
            case PositionChanged changed:
                w.Byte((byte)changed.Change);
                w.String(changed.CausedBy.Value);
                w.Decimal(changed.Quantity);
                w.Decimal(changed.AverageEntryPrice);
                w.Decimal(changed.RealizedPnl);
                w.Decimal(changed.Cash);
                break;
            default:
                throw new SerializationException($"No binary journal layout for {e.GetType().Name}");
        }

        return w.ToArray();
    }

    public static IJournalEvent Decode(ReadOnlySpan<byte> bytes, string manifest)
    {
        if (bytes.IsEmpty) throw new SerializationException($"Empty journal row for {manifest}");
        if (bytes[0] != SchemaVersion)
            throw new SerializationException(
                $"Journal event {manifest} was written with binary schema version {bytes[0]}; this build reads version {SchemaVersion}");

        var r = new JournalBinaryReader(bytes[1..]);
        IJournalEvent e;
        try
        {
            e = Decode(ref r, manifest);
        }
        catch (Exception invalid) when (invalid is ArgumentException or OverflowException)
        {
            // Fields that decode but make no event (an empty batch, a time out of range): corrupt all the same.
            throw new SerializationException($"Journal row for {manifest} does not make an event: {invalid.Message}", invalid);
        }

        return r.AtEnd ? e : throw new SerializationException($"Journal row for {manifest} has bytes after its last field");
    }

    private static IJournalEvent Decode(ref JournalBinaryReader r, string manifest)
    {
        switch (manifest)
        {
            case nameof(TradesExecuted):
            {
                var symbol = new Symbol(r.String());
                var trades = new TradeExecuted[r.Count()];
                var previous = TimeSpan.Zero;
                for (var i = 0; i < trades.Length; i++) previous = (trades[i] = Trade(ref r, symbol, previous)).SimTime;
                return new TradesExecuted(symbol, trades);
            }
            case nameof(TradeExecuted):
                return Trade(ref r, new Symbol(r.String()), TimeSpan.Zero);
            case nameof(ExchangeOrderAccepted):
            {
                var symbol = new Symbol(r.String());
                return new ExchangeOrderAccepted(symbol, r.Account(symbol), new ClientOrderId(r.String()), r.Enum<Side>(),
                    r.Enum<OrderType>(), r.NullableDecimal(), r.Decimal(), r.Time());
            }
            case nameof(ExchangeOrderCancelled):
            {
                var symbol = new Symbol(r.String());
                return new ExchangeOrderCancelled(symbol, r.Account(symbol), new ClientOrderId(r.String()), r.Decimal(),
                    r.String(), r.Time());
            }
            case nameof(BookClosed):
            {
                var symbol = new Symbol(r.String());
                var balances = new AccountBalance[r.Count()];
                for (var i = 0; i < balances.Length; i++)
                    balances[i] = new AccountBalance(r.Account(symbol), r.Decimal(), r.Decimal(), r.Decimal());
                var live = new ClientOrderId[r.Count()];
                for (var i = 0; i < live.Length; i++) live[i] = new ClientOrderId(r.String());
                return new BookClosed(symbol, balances, live, r.Time());
            }
            case nameof(AccountOpened):
            {
                var symbol = new Symbol(r.String());
                return new AccountOpened(symbol, r.Account(symbol), r.Decimal());
            }
            case nameof(TradingStopped):
                return TradingStopped.Instance;
            case nameof(OrderSubmitted):
                return new OrderSubmitted(new ClientOrderId(r.String()), r.Enum<Side>(), r.Enum<OrderType>(),
                    r.NullableDecimal(), r.Decimal(), r.Time());
            case nameof(OrderAcknowledged):
                return new OrderAcknowledged(new ClientOrderId(r.String()));
            case nameof(OrderRejected):
                return new OrderRejected(new ClientOrderId(r.String()), r.String());
            case nameof(OrderCancelled):
                return new OrderCancelled(new ClientOrderId(r.String()), r.Decimal(), r.String());
            case nameof(FillApplied):
                return new FillApplied(new ClientOrderId(r.String()), new FillId(r.String()), r.Enum<Side>(), r.Decimal(),
                    r.Decimal(), r.Decimal(), r.Long(), r.Time());
            case nameof(PositionChanged):
                return new PositionChanged(r.Enum<PositionChange>(), new FillId(r.String()), r.Decimal(), r.Decimal(),
                    r.Decimal(), r.Decimal());
            default:
                throw new SerializationException($"Unknown journal event manifest '{manifest}'");
        }
    }

    /// <summary>A trade without its symbol; its time relative to <paramref name="previous"/>.</summary>
    private static void Trade(JournalBinaryWriter w, TradeExecuted trade, TimeSpan previous)
    {
        w.Long(trade.TradeId);
        w.Decimal(trade.Price);
        w.Decimal(trade.Quantity);
        w.Byte((byte)trade.Aggressor);
        w.Time(trade.SimTime - previous);
        Leg(w, trade, trade.Buyer, Side.Buy);
        Leg(w, trade, trade.Seller, Side.Sell);
    }

    private static TradeExecuted Trade(ref JournalBinaryReader r, Symbol symbol, TimeSpan previous)
    {
        var (tradeId, price, quantity, aggressor, time) = (r.Long(), r.Decimal(), r.Decimal(), r.Enum<Side>(), previous + r.Time());
        var buyer = Leg(ref r, symbol, tradeId, Side.Buy);
        var seller = Leg(ref r, symbol, tradeId, Side.Sell);
        return new TradeExecuted(symbol, tradeId, price, quantity, buyer, seller, aggressor, time);
    }

    private static void Leg(JournalBinaryWriter w, TradeExecuted trade, TradeLeg leg, Side side)
    {
        var standardFillId = leg.FillId == FillId.For(trade.Symbol, trade.TradeId, side);
        w.Account(leg.Account, trade.Symbol);
        w.String(leg.ClientOrderId.Value);
        w.Long(leg.AccountFillSequence);
        w.Decimal(leg.Fee);
        w.Byte((byte)((leg.IsMaker ? MakerFlag : 0) | (standardFillId ? 0 : CustomFillIdFlag)));
        if (!standardFillId) w.String(leg.FillId.Value);
    }

    private static TradeLeg Leg(ref JournalBinaryReader r, Symbol symbol, long tradeId, Side side)
    {
        var (account, clientOrderId, sequence, fee, flags) = (r.Account(symbol), new ClientOrderId(r.String()), r.Long(), r.Decimal(), r.Byte());
        if ((flags & ~(MakerFlag | CustomFillIdFlag)) != 0) throw new SerializationException($"Unknown trade leg flags {flags}");
        var fillId = (flags & CustomFillIdFlag) != 0 ? new FillId(r.String()) : FillId.For(symbol, tradeId, side);
        return new TradeLeg(account, clientOrderId, fillId, sequence, fee, (flags & MakerFlag) != 0);
    }
}
