using Akka.Actor;
using Akka.Event;

namespace ContinuousOperation.Actors.Diagnostics;

/// <summary>
/// The leak self-test: retains managed memory at a set rate for as long as it lives, so a run can prove that its
/// memory criterion catches a leak. The arrays are filled, not just allocated, so their pages are really resident and
/// the working set grows along with the managed heap.
/// </summary>
public sealed class LeakActor : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);
    private const long BytesPerMb = 1024 * 1024;

    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly double bytesPerTick;
    private readonly List<byte[]> retained = [];
    private double owed;

    public LeakActor(double mbPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mbPerMinute);
        bytesPerTick = mbPerMinute * BytesPerMb * (TickInterval / TimeSpan.FromMinutes(1));
        Receive<Tick>(_ => Leak());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(double mbPerMinute) => Akka.Actor.Props.Create(() => new LeakActor(mbPerMinute));

    protected override void PreStart()
    {
        log.Warning("Self-test leak: retaining {MbPerMinute} MB of memory per minute; the memory criterion should fail",
            bytesPerTick / BytesPerMb * 60);
        Timers.StartPeriodicTimer(nameof(Tick), Tick.Instance, TickInterval);
    }

    private void Leak()
    {
        // Whole bytes only; the fraction carries over so low rates (0.1 MB/min) still leak at the rate asked for.
        owed += bytesPerTick;
        var size = (int)Math.Min(owed, int.MaxValue);
        if (size == 0) return;
        var chunk = new byte[size];
        Array.Fill(chunk, (byte)0xA5);
        retained.Add(chunk);
        owed -= size;
    }

    private sealed record Tick
    {
        public static readonly Tick Instance = new();
    }
}
