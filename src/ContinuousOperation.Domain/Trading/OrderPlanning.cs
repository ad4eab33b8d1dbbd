using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Trading;

/// <summary>What the trader does with one decision of its strategy: new orders to persist, then send; cancels to send.</summary>
public sealed record OrderPlan(IReadOnlyList<OrderSubmitted> Submissions, IReadOnlyList<ClientOrderId> Cancels);

public static class OrderPlanning
{
    /// <summary>Gives each new order its client order id — ids follow the state as each submission is applied, so
    /// several orders in one decision never share an id — and keeps only cancels of orders that are still live.</summary>
    public static OrderPlan Plan(TraderState state, IReadOnlyList<TradingIntent> intents, TimeSpan simTime)
    {
        var submissions = new List<OrderSubmitted>();
        var cancels = new List<ClientOrderId>();
        foreach (var intent in intents)
        {
            switch (intent)
            {
                case PlaceOrderIntent place:
                    var submitted = state.EventForPlacement(place, simTime);
                    state = state.Apply(submitted);
                    submissions.Add(submitted);
                    break;
                case CancelOrderIntent cancel when state.Find(cancel.ClientOrderId) is not null:
                    cancels.Add(cancel.ClientOrderId);
                    break;
            }
        }

        return new OrderPlan(submissions, cancels);
    }

    /// <summary>A wake-up's decisions, one at each of <paramref name="times"/> (simulated, oldest first): each sees the
    /// market as last heard, stamped with its own time, and the state with the orders the decisions before it submitted
    /// (their replies cannot have come yet), so order limits hold across the batch. A cancel is asked for once.</summary>
    public static OrderPlan PlanDecisions(
        TraderState state, MarketView view, IReadOnlyList<TimeSpan> times, ITradingStrategy strategy, Random rng)
    {
        var submissions = new List<OrderSubmitted>();
        var cancels = new List<ClientOrderId>();
        foreach (var at in times)
        {
            var plan = Plan(state, strategy.Decide(view with { SimTime = at }, state, rng), at);
            cancels.AddRange(plan.Cancels.Where(id => !cancels.Contains(id)));
            foreach (var submitted in plan.Submissions) state = state.Apply(submitted);
            submissions.AddRange(plan.Submissions);
        }

        return new OrderPlan(submissions, cancels);
    }
}
