using System.Net;

namespace ContinuousOperation.Cli.Gateway;

/// <summary>How the gateway listens and what it allows. The defaults are safe: loopback only, small bodies and
/// frames, a request budget per key, a bounded queue per connection.</summary>
internal sealed record GatewayOptions(ApiKeys Keys)
{
    public IPAddress Bind { get; init; } = IPAddress.Loopback;

    /// <summary>0 takes a free port.</summary>
    public int Port { get; init; }

    /// <summary>Requests a key may send at once, and refill per second (Binance counts request weight per minute;
    /// a bucket per second is the same idea at a soak test's scale).</summary>
    public double Burst { get; init; } = 50;

    public double RequestsPerSecond { get; init; } = 20;

    public long MaxRequestBodyBytes { get; init; } = 4 * 1024;

    /// <summary>The largest frame a client may send (clients have nothing large to say on these streams).</summary>
    public int MaxFrameBytes { get; init; } = 4 * 1024;

    /// <summary>Frames that may wait for one slow connection before it is dropped.</summary>
    public int SendQueueFrames { get; init; } = 256;

    /// <summary>WebSocket protocol pings from the server, so a dead peer is noticed on a quiet connection.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a REST call waits for the venue before answering 503.</summary>
    public TimeSpan VenueTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
