using ContinuousOperation.Domain.Exchange;

namespace ContinuousOperation.Domain.Trading;

/// <summary>
/// What a trader must persist and resend after the venue told it what it missed: the missed fills (exactly once,
/// in account-sequence order), acknowledgements and cancels it never heard of, and orders the venue never received.
/// </summary>
public sealed record AccountSyncPlan(IReadOnlyList<ITraderEvent> Events, IReadOnlyList<TrackedOrder> Resend, bool FillsComplete);

public static class AccountSync
{
    public static AccountSyncPlan Plan(
        TraderState state, IReadOnlyList<AccountFill> missedFills, IReadOnlyList<ExchangeOrderStatus> statuses)
    {
        var events = new List<ITraderEvent>();
        var fillsComplete = true;
        foreach (var fill in missedFills.OrderBy(f => f.AccountFillSequence))
        {
            var disposition = state.Classify(fill);
            if (disposition == FillDisposition.Duplicate) continue;
            if (disposition == FillDisposition.Gap)
            {
                // The venue no longer holds the fills in between; stop here rather than apply out of order.
                fillsComplete = false;
                break;
            }

            foreach (var e in state.EventsForFill(fill))
            {
                state = state.Apply(e);
                events.Add(e);
            }
        }

        var resend = new List<TrackedOrder>();
        var venueView = statuses.ToDictionary(s => s.ClientOrderId);
        foreach (var order in state.LiveOrders) // oldest first already
        {
            if (!venueView.TryGetValue(order.Id, out var status))
            {
                resend.Add(order);
                continue;
            }

            AddIfApplicable(new OrderAcknowledged(order.Id));
            if (status.State == ExchangeOrderState.Cancelled && fillsComplete)
                AddIfApplicable(new OrderCancelled(order.Id, status.Remaining, "cancelled by venue (learned on sync)"));
        }

        return new AccountSyncPlan(events, resend, fillsComplete);

        void AddIfApplicable(IOrderEvent e)
        {
            if (!state.CanApply(e)) return;
            state = state.Apply(e);
            events.Add(e);
        }
    }
}
