using Akka.Actor;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Run;

/// <summary>What a segment's checkpoint needs from the other actors: the trading counters and errors (metrics), the
/// fault timeline so far (the injector, once the fault clock started), and where the market's simulated clock stands
/// (the book of the run's first symbol).</summary>
internal sealed class SegmentProgressGathering(IActorRef metrics, IActorRef exchange, IEnumerable<Symbol> symbols)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Asks metrics, the fault injector and a book for the segment's progress, off the coordinator's thread:
    /// the answer goes back to it as a message, and only its handler touches the coordinator's state.</summary>
    public async Task<ProgressGathered> Gather(IActorRef? injector)
    {
        var tally = await metrics.Ask<MetricsTally>(GetMetricsTally.Instance, AskTimeout);
        var faultReport = injector is null
            ? FaultReport.None
            : await injector.Ask<FaultReport>(GetFaultReport.Instance, AskTimeout);
        var simulated = await SimulatedClock();
        return new ProgressGathered(tally, faultReport, simulated, DateTimeOffset.UtcNow);
    }

    /// <summary>Where the market's simulated clock stands; null when the book does not answer.</summary>
    public async Task<TimeSpan?> SimulatedClock()
    {
        try
        {
            var symbol = symbols.First();
            return (await exchange.Ask<TickerReply>(new GetTicker(symbol), AskTimeout)).Ticker.SimTime;
        }
        catch (Exception ex) when (ex is AskTimeoutException or TaskCanceledException)
        {
            return null;
        }
    }
}

internal sealed record ProgressGathered(MetricsTally Tally, FaultReport Faults, TimeSpan? Simulated, DateTimeOffset At);
