using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace ContinuousOperation.Benchmarks.Support;

/// <summary>
/// Bytes allocated on the large-object heap, by every thread of the process, between <see cref="Start"/> and
/// <see cref="Stop"/>. The figure comes from the runtime's GC <c>AllocationTick</c> events: the GC keeps a running
/// count of large-object bytes allocated and reports it (<c>AllocationAmount64</c>, kind Large) each time it passes
/// 100 KB, then starts again from zero. Summed, the ticks give every large-object byte, not a sample, except what is
/// still counting towards the next tick; so each end is marked by allocating a large array of its own: the tick it
/// forces empties the running count, and the marker's own bytes (as the GC counts them, measured by two markers in a
/// row) are taken off again.
/// <see cref="GC.GetGCMemoryInfo()"/> cannot give this: it describes the heap at the last collection, and a large
/// object that was allocated and died between two collections leaves no trace there.
/// Counts are per process, so nothing else may allocate on the large-object heap while a measurement runs.
/// </summary>
internal sealed class LargeObjectHeapMeter : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const long GcKeyword = 0x1;
    private const int AllocationTickEventId = 10;
    private const uint LargeObjectKind = 1;
    // Larger than the 100 KB tick threshold, so the tick falls on the marker itself; an odd length no other array has.
    private const int MarkerLength = 1_048_573;
    private static readonly TimeSpan EventDelay = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _markers = new(0);
    private readonly ConcurrentDictionary<string, long> _bytesByType = new();
    private long _bytes;
    private long _ticks;
    private long? _markerBytes;
    private long _startBytes;
    private long _startTicks;

    /// <summary>Begins a measurement (waits for the runtime to report the start marker).</summary>
    public void Start()
    {
        _markerBytes ??= MeasureMarker();
        Mark();
        _bytesByType.Clear();
        _startBytes = Interlocked.Read(ref _bytes);
        _startTicks = Interlocked.Read(ref _ticks);
    }

    /// <summary>Ends the measurement begun by <see cref="Start"/>.</summary>
    public LargeObjectAllocations Stop()
    {
        Mark();
        return new LargeObjectAllocations(
            Interlocked.Read(ref _bytes) - _startBytes - _markerBytes!.Value,
            Interlocked.Read(ref _ticks) - _startTicks - 1,
            _bytesByType.OrderByDescending(t => t.Value).Select(t => t.Key).FirstOrDefault() ?? "");
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource) EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventId != AllocationTickEventId || e.Payload is not { } payload || e.PayloadNames is not { } names) return;
        if (Convert.ToUInt32(payload[names.IndexOf("AllocationKind")]) != LargeObjectKind) return;

        var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")]);
        Interlocked.Add(ref _bytes, amount);
        Interlocked.Increment(ref _ticks);
        var objectSize = names.IndexOf("ObjectSize") is var i and >= 0 ? Convert.ToInt64(payload[i]) : 0;
        if (objectSize is >= MarkerLength and < MarkerLength + 64)
        {
            _markers.Release();
            return;
        }

        // The type of the object that made the tick stands for all the bytes it reports: a sample, not an account.
        _bytesByType.AddOrUpdate(payload[names.IndexOf("TypeName")]?.ToString() ?? "", amount, (_, sum) => sum + amount);
    }

    /// <summary>The fewest bytes counted between two markers: one marker, and nothing else.</summary>
    private long MeasureMarker()
    {
        Mark();
        return Enumerable.Range(0, 3).Min(_ =>
        {
            var before = Interlocked.Read(ref _bytes);
            Mark();
            return Interlocked.Read(ref _bytes) - before;
        });
    }

    private void Mark()
    {
        GC.KeepAlive(new byte[MarkerLength]);
        // The runtime hands its events to listeners on a thread of its own, a moment after they happen.
        if (!_markers.Wait(EventDelay))
            throw new InvalidOperationException("The runtime reported no allocation tick for the marker: GC events are not reaching the listener.");
    }

    public override void Dispose()
    {
        base.Dispose();
        _markers.Dispose();
    }
}

/// <summary>What went to the large-object heap: bytes, the allocation ticks that reported them (each object of 100 KB
/// or more makes one tick; smaller large objects share one), and the type whose ticks reported most of them.</summary>
internal readonly record struct LargeObjectAllocations(long Bytes, long Ticks, string MostlyOfType);
