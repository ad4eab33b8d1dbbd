namespace ContinuousOperation.Domain.Trading;

/// <summary>Decides what a paper trader does next. Must be deterministic given <paramref name="rng"/>, so that a run's
/// seed reproduces its orders.</summary>
public interface ITradingStrategy
{
    IReadOnlyList<TradingIntent> Decide(MarketView view, TraderState state, Random rng);
}
