using Akka.Actor;
using Akka.Event;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Trading;

/// <summary>The market-data stream (sequence, gaps, silence, reconnects with back-off) and the fetches that back it up.</summary>
public sealed partial class TraderActor
{
    private readonly MarketDataConsumer stream;
    private TimeSpan reconnectDelay;
    private MarketView? view;
    private bool fetchDepthNext;

    private void OnSnapshot(MarketDataSnapshot snapshot)
    {
        var wasAwaiting = stream.AwaitingSnapshot;
        stream.OnSnapshot(snapshot.Sequence, DateTime.UtcNow);
        UseTicker(snapshot.Ticker);
        if (wasAwaiting) StreamIsBack();
    }

    private void OnUpdate(MarketDataUpdate update)
    {
        var wasAwaiting = stream.AwaitingSnapshot;
        var (apply, action) = stream.OnUpdate(update.Sequence, DateTime.UtcNow);
        if (apply) UseTicker(update.Ticker);
        if (wasAwaiting && apply) StreamIsBack();
        else if (!apply && action == StreamAction.None)
            Publish(new DuplicateIgnored(Symbol, StreamChannel.MarketData, DateTimeOffset.UtcNow));
        Act(action);
    }

    private void StreamIsBack()
    {
        reconnectDelay = settings.MinReconnectDelay;
        Publish(new StreamRestored(Symbol, StreamChannel.MarketData, DateTimeOffset.UtcNow));
    }

    private void Act(StreamAction action)
    {
        switch (action)
        {
            case StreamAction.Resync:
                Count(TradingCounter.StreamResyncs);
                exchange.Tell(new SubscribeMarketData(Symbol));
                break;
            case StreamAction.Reconnect:
                Reconnect("went silent");
                break;
        }
    }

    /// <summary>Drops the stream and subscribes again after a back-off that doubles while the stream stays away.</summary>
    private void Reconnect(string why)
    {
        log.Warning("Market-data stream of {Symbol} {Why}; reconnecting in {Delay}", Symbol, why, reconnectDelay);
        Count(TradingCounter.WebsocketReconnects);
        stream.Connected(DateTime.UtcNow);
        exchange.Tell(new UnsubscribeMarketData(Symbol));
        Timers.StartSingleTimer("resubscribe", ResubscribeMarketData.Instance, reconnectDelay);
        reconnectDelay = TimeSpan.FromTicks(Math.Min(reconnectDelay.Ticks * 2, settings.MaxReconnectDelay.Ticks));
    }

    /// <summary>Levels asked for when fetching depth. The trader does not know the venue's market settings, so this
    /// mirrors the default <see cref="Domain.Market.MarketSettings.DepthLevels"/> the venue quotes and publishes.</summary>
    private const int FetchedDepthLevels = 20;

    private void Fetch()
    {
        Count(TradingCounter.MarketDataRequests);
        fetchDepthNext = !fetchDepthNext;
        if (fetchDepthNext) Request(new GetDepth(Symbol, FetchedDepthLevels));
        else Request(new GetTicker(Symbol));
    }

    /// <summary>Whatever the venue answers — the data, or a <see cref="RequestFailed"/> error reply — comes back to this
    /// actor as it is; only an answer that never comes is turned into a failure.</summary>
    private void Request(IWithSymbol request) =>
        exchange.Ask<object>(request, settings.RequestTimeout)
            .PipeTo(Self, failure: ex => new MarketDataFetchFailed(request.GetType().Name, ex.Message));

    /// <summary>Fetched data only replaces the view (and moves the trader's clock) when the stream cannot be trusted to
    /// be current.</summary>
    private void UseIfStreamStale(decimal? bid, decimal? ask, decimal? lastPrice, TimeSpan simTime)
    {
        if (!stream.IsStale(DateTime.UtcNow) || bid is null || ask is null || view is null) return;
        view = view with { BestBid = bid.Value, BestAsk = ask.Value, LastPrice = lastPrice ?? view.LastPrice };
        clock.Heard(simTime, DateTime.UtcNow);
    }

    /// <summary>Every ticker moves the trader's clock and is a reading of the market's pace.</summary>
    private void UseTicker(Ticker ticker)
    {
        var now = DateTime.UtcNow;
        clock.Heard(ticker.SimTime, now);
        if (marketPace.Read(new DateTimeOffset(now), ticker.SimTime) is { } lag) metrics.Tell(new ReportLag(lag));
        if (ticker.BestBid is { } bid && ticker.BestAsk is { } ask)
            view = new MarketView(bid, ask, ticker.LastPrice ?? (bid + ask) / 2, ticker.SimTime);
    }
}
