using System.Net.WebSockets;
using System.Threading.Channels;

namespace ContinuousOperation.Cli.Gateway;

/// <summary>
/// One WebSocket connection's frames on their way out, through a bounded queue: producers (the actors) never wait
/// on a socket, and a consumer that reads slower than its stream fills the queue, is dropped (its socket aborted)
/// and counted. The server's memory per connection is bounded by <c>capacity</c> frames.
/// </summary>
internal sealed class WebSocketOutbox
{
    private readonly WebSocket _socket;
    private readonly GatewayCounters _counters;
    private readonly Channel<byte[]> _queue;
    private int _dropped;
    private volatile bool _completed;
    private int _peak;

    public WebSocketOutbox(WebSocket socket, int capacity, GatewayCounters counters)
    {
        _socket = socket;
        _counters = counters;
        _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public bool Dropped => Volatile.Read(ref _dropped) == 1;

    /// <summary>The most frames ever waiting at once: never more than the capacity.</summary>
    public int PeakQueued => Volatile.Read(ref _peak);

    /// <summary>Queues one text frame. A full queue drops the consumer; false then and after.</summary>
    public bool Post(byte[] frame)
    {
        if (Dropped) return false;
        if (_queue.Writer.TryWrite(frame))
        {
            var queued = _queue.Reader.Count;
            if (queued > _peak) Volatile.Write(ref _peak, queued);
            return true;
        }

        // A queue closed on purpose refuses frames too; that is the end of the connection, not a slow consumer.
        if (_completed || Interlocked.Exchange(ref _dropped, 1) == 1) return false;
        _counters.CountDroppedConsumer();
        _queue.Writer.TryComplete();
        _socket.Abort();
        return false;
    }

    /// <summary>No more frames: the send loop ends once the queue is empty.</summary>
    public void Complete()
    {
        _completed = true;
        _queue.Writer.TryComplete();
    }

    /// <summary>Sends the queued frames until the queue is completed, the socket fails or <paramref name="cancellation"/> fires.</summary>
    public async Task SendAllAsync(CancellationToken cancellation)
    {
        try
        {
            await foreach (var frame in _queue.Reader.ReadAllAsync(cancellation))
                await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellation);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            // The connection is over (closed, reset, aborted for falling behind): nothing left to send it.
        }
    }
}
