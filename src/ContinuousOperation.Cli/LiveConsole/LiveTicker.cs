using Akka.Actor;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Cli.LiveConsole;

/// <summary>Refreshes the live status area every second, independent of the sample interval: the metrics actor's
/// figures and a reading of this process (where a single-node run's actors live). Stopped before the summary.</summary>
internal sealed class LiveTicker : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private LiveTicker(LiveConsoleSink sink, ICanTell metrics)
    {
        loop = RefreshAsync(sink, metrics, stop.Token);
    }

    public static LiveTicker Start(LiveConsoleSink sink, ICanTell metrics) => new(sink, metrics);

    private static async Task RefreshAsync(LiveConsoleSink sink, ICanTell metrics, CancellationToken cancellationToken)
    {
        var probe = new ProcessResourceProbe();
        var previous = probe.Read();
        LiveStatus? status = null;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (await FiguresAsync(metrics, cancellationToken) is not { } figures) continue;
                var reading = probe.Read();
                status = LiveStatus.Next(status, figures, reading.SampleSince(previous, previous.At));
                previous = reading;
                sink.Show(status);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: the run is over.
        }
    }

    /// <summary>Null when the metrics actor does not answer within a refresh (busy, or gone at the run's end): the
    /// status stays as it was until the next one.</summary>
    private static async Task<LiveFigures?> FiguresAsync(ICanTell metrics, CancellationToken cancellationToken)
    {
        try
        {
            return await metrics.Ask<LiveFigures>(GetLiveFigures.Instance, Interval, cancellationToken);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
