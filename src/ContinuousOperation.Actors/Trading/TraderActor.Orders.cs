using Akka.Actor;
using Akka.Event;
using ContinuousOperation.Actors.Diagnostics;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Trading;

/// <summary>Orders, fills and the account channel.</summary>
public sealed partial class TraderActor
{
    private readonly Dictionary<ClientOrderId, DateTime> placing = new();
    private readonly Dictionary<ClientOrderId, DateTime> cancelling = new();
    private DateTime? syncSentAt;
    private DateTime lastAccountHeardAt = DateTime.UtcNow;

    /// <summary>Takes the decisions due on the market's clock since the last ones (<see cref="DecisionPace"/>); those
    /// beyond the catch-up bound are skipped and reported as falling behind. Decisions wait while an account sync is in
    /// flight (the trader does not know its orders) and while an order call is unanswered: the trader goes no faster
    /// than the venue answers, so at high speed on a busy machine it falls behind (and says so) instead of piling up
    /// requests that time out, sync and retry until nothing is answered in time.</summary>
    private void Decide()
    {
        if (Draining || syncSentAt is not null || view is null || !clock.IsKnown) return;
        if (placing.Count + cancelling.Count > 0) return;

        var now = clock.Now(DateTime.UtcNow);
        var batch = pace.Due(nextDecision ?? now, now);
        nextDecision = batch.NextDue;
        if (batch.Skipped > 0)
            metrics.Tell(new ReportLag(new LagEpisode(PacePart.TraderDecisions, Symbol, DateTimeOffset.UtcNow, TimeSpan.Zero,
                batch.Behind, batch.Skipped, CaughtUp: true)));
        if (batch.Times.Count == 0) return;

        var plan = OrderPlanning.PlanDecisions(state, view, batch.Times, strategy, rng);
        foreach (var id in plan.Cancels) RequestCancel(id);
        Submit(plan.Submissions);
    }

    private void Submit(IReadOnlyList<OrderSubmitted> submissions) =>
        PersistAndApply(submissions, e =>
        {
            if (e is OrderSubmitted submitted) SendPlace(state.Find(submitted.ClientOrderId)!);
        });

    private void SendPlace(TrackedOrder order)
    {
        placing[order.Id] = DateTime.UtcNow;
        exchange.Tell(new PlaceOrder(Symbol, new OrderRequest(state.Account, order.Id, order.Side, order.Type,
            order.LimitPrice, order.Quantity)));
    }

    private void RequestCancel(ClientOrderId id)
    {
        if (!cancelling.TryAdd(id, DateTime.UtcNow)) return;
        exchange.Tell(new CancelOrder(Symbol, state.Account, id));
    }

    private void OnPlaced(OrderPlaced placed)
    {
        // A reply from another node carries that node's address; a local one has none.
        if (placing.Remove(placed.ClientOrderId, out var sentAt))
            Telemetry.RecordOrderRoundTrip(DateTime.UtcNow - sentAt, crossNode: Sender.Path.Address.HasGlobalScope);
        PersistIfApplicable(new OrderAcknowledged(placed.ClientOrderId));
    }

    private void OnPlacementRejected(OrderPlacementRejected rejected)
    {
        placing.Remove(rejected.ClientOrderId);
        PersistIfApplicable(new OrderRejected(rejected.ClientOrderId, rejected.Reason));
    }

    private void OnCancelled(AccountOrderCancelled cancelled)
    {
        HeardFromAccountChannel();
        cancelling.Remove(cancelled.ClientOrderId);
        if (state.CancelWaitsForFills(cancelled.AccountFillSequence) && settings.Recovery.ResyncOnGap)
        {
            SyncAccount();
            return;
        }

        PersistIfApplicable(new OrderCancelled(cancelled.ClientOrderId, cancelled.RemainingQuantity, cancelled.Reason));
    }

    private void OnCancelRejected(CancelRejected rejected)
    {
        cancelling.Remove(rejected.ClientOrderId);

        // The venue no longer has the order live but we do: a fill or cancel has not reached us yet.
        if (state.Find(rejected.ClientOrderId) is not null && settings.Recovery.ResyncOnGap) SyncAccount();
    }

    /// <summary>An error reply (or a failed market-data fetch): count it, forget the request, and let an account sync
    /// settle whatever the failed request was about.</summary>
    private void OnRequestFailed(RequestFailed failed)
    {
        ReportError(ErrorKind.Api, $"{failed.Request} failed: {failed.Reason}");
        if (failed.Request == nameof(Exchange.SyncAccount)) syncSentAt = null;
        if (failed.Request == nameof(PlaceOrder) && !settings.Recovery.IdempotentRetry)
        {
            ReplaceUnacknowledged(placing.Keys.ToArray());
            return;
        }

        placing.Clear();
        cancelling.Clear();
        SyncAccount();
    }

    private void OnFill(AccountFill fill)
    {
        HeardFromAccountChannel();
        switch (state.Classify(fill))
        {
            case FillDisposition.Apply:
                var received = DateTime.UtcNow;
                PersistAndApply(state.EventsForFill(fill), after: () =>
                {
                    Telemetry.RecordFillToPersist(DateTime.UtcNow - received);
                    AfterChange();
                });
                break;
            case FillDisposition.Duplicate:
                Publish(new DuplicateIgnored(Symbol, StreamChannel.Account, DateTimeOffset.UtcNow));
                break;
            case FillDisposition.Gap when settings.Recovery.ResyncOnGap:
                SyncAccount();
                break;
        }
    }

    /// <summary>A heartbeat ahead of the trader reveals missed fills; one that matches proves it holds every fill the
    /// venue had made for it when the heartbeat was sent.</summary>
    private void OnAccountHeartbeat(AccountHeartbeat heartbeat)
    {
        HeardFromAccountChannel();
        if (heartbeat.LastFillSequence > state.LastFillSequence)
        {
            if (settings.Recovery.ResyncOnGap) SyncAccount();
        }
        else if (syncSentAt is null)
        {
            var now = DateTimeOffset.UtcNow;
            Publish(new StreamRestored(Symbol, StreamChannel.Account, now, RequestedAt: now));
        }
    }

    private void HeardFromAccountChannel() => lastAccountHeardAt = DateTime.UtcNow;

    private void ReopenAccountChannel(string why)
    {
        log.Warning("Account channel of {Symbol} {Why}; syncing to reopen it", Symbol, why);
        Count(TradingCounter.WebsocketReconnects);
        HeardFromAccountChannel();
        SyncAccount();
    }

    private void SyncAccount()
    {
        if (syncSentAt is not null) return;
        syncSentAt = DateTime.UtcNow;
        var after = settings.Recovery.QueryMissedFills ? state.LastFillSequence : long.MaxValue;
        exchange.Tell(new SyncAccount(Symbol, state.Account, after, state.LiveOrders.Select(o => o.Id).ToArray()));
    }

    private void OnSynced(AccountSynced synced)
    {
        HeardFromAccountChannel();
        var plan = AccountSync.Plan(state, synced.MissedFills, synced.Statuses);
        if (!plan.FillsComplete && settings.Recovery.QueryMissedFills)
            ReportError(ErrorKind.Consistency, "venue no longer holds fills this trader missed", ErrorSeverity.Critical);

        var requestedAt = syncSentAt;
        PersistAndApply(plan.Events, after: () =>
        {
            syncSentAt = null;
            foreach (var order in plan.Resend)
                if (state.Find(order.Id) is { } live) SendPlace(live);
            Publish(new StreamRestored(Symbol, StreamChannel.Account, DateTimeOffset.UtcNow, requestedAt));
            if (!recoveryAnnounced)
            {
                recoveryAnnounced = true;
                Publish(new EntityRecovered(EntityKind.Trader, Symbol, DateTimeOffset.UtcNow, StartedAt: startedAt,
                    EventsReplayed: EventsReplayed));
            }

            AfterChange();
        });
    }

    /// <summary>Requests without a reply within the timeout are API errors; an account sync settles them.</summary>
    private void ExpireRequests(DateTime now)
    {
        var expiredPlaces = placing.Where(kv => now - kv.Value > settings.RequestTimeout).Select(kv => kv.Key).ToArray();
        var expiredCancels = cancelling.Where(kv => now - kv.Value > settings.RequestTimeout).Select(kv => kv.Key).ToArray();
        var syncExpired = syncSentAt is { } sent && now - sent > settings.RequestTimeout;
        if (expiredPlaces.Length + expiredCancels.Length == 0 && !syncExpired) return;

        ReportError(ErrorKind.Api, $"no reply within {settings.RequestTimeout.TotalSeconds:0.#}s to " +
            $"{expiredPlaces.Length + expiredCancels.Length} order call(s){(syncExpired ? " and an account sync" : "")}");
        foreach (var id in expiredCancels) cancelling.Remove(id);
        if (!settings.Recovery.IdempotentRetry && expiredPlaces.Length > 0)
        {
            ReplaceUnacknowledged(expiredPlaces);
            return;
        }

        foreach (var id in expiredPlaces) placing.Remove(id);
        syncSentAt = null;
        SyncAccount();
    }

    /// <summary>The naive retry, for the negative control only: give the order up and place it again under a new id.</summary>
    private void ReplaceUnacknowledged(IReadOnlyList<ClientOrderId> ids)
    {
        var replaced = ids.Select(id => state.Find(id)).OfType<TrackedOrder>().Where(o => o.Status == OrderStatus.Submitted).ToArray();
        foreach (var order in replaced) placing.Remove(order.Id);
        var givenUp = replaced.Select(o => (ITraderEvent)new OrderRejected(o.Id, "no reply; placing it again")).ToArray();
        PersistAndApply(givenUp, after: () => Submit(OrderPlanning.Plan(state,
            replaced.Select(o => (TradingIntent)new PlaceOrderIntent(o.Side, o.Type, o.LimitPrice, o.Quantity)).ToArray(),
            clock.IsKnown ? clock.Now(DateTime.UtcNow) : TimeSpan.Zero).Submissions));
    }

    private void CancelAllLive()
    {
        // An order not yet acknowledged is cancelled once the venue has it (OnPlaced → AfterChange).
        foreach (var order in state.LiveOrders.Where(o => o.Status != OrderStatus.Submitted))
            RequestCancel(order.Id);
    }

    /// <summary>Status replies can repeat (retries) or arrive for orders already settled: only a legal next step of a
    /// live order is persisted.</summary>
    private void PersistIfApplicable(IOrderEvent e)
    {
        if (state.CanApply(e)) PersistAndApply([e]);
        else AfterChange();
    }
}
