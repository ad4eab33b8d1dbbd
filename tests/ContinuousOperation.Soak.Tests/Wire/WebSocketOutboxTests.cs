using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using ContinuousOperation.Cli.Gateway;

namespace ContinuousOperation.Soak.Tests.Wire;

/// <summary>The per-connection send queue over a real loopback TCP connection (the WebSocket protocol on both ends,
/// no HTTP upgrade needed): a consumer that stops reading is dropped and counted, and the queue never holds more than
/// its capacity. The stream's own traffic is too slow to fill a loopback socket's buffers in a test's seconds; here
/// the test is the producer.</summary>
public sealed class WebSocketOutboxTests
{
    [Fact]
    public async Task A_consumer_that_stops_reading_is_dropped_and_counted_while_the_queue_stays_bounded()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var accepted = await listener.AcceptTcpClientAsync();
        using var server = WebSocket.CreateFromStream(accepted.GetStream(), new WebSocketCreationOptions { IsServer = true });
        // The consumer: connected, and never reading.
        using var consumer = WebSocket.CreateFromStream(client.GetStream(), new WebSocketCreationOptions { IsServer = false });
        var counters = new GatewayCounters();
        var outbox = new WebSocketOutbox(server, capacity: 16, counters);
        var sending = outbox.SendAllAsync(CancellationToken.None);

        var frame = new byte[64 * 1024];
        var posted = 0;
        // Kernel buffers on loopback hold a few MB; 100,000 frames (6.4 GB) would mean the queue never filled.
        while (posted < 100_000 && outbox.Post(frame)) posted++;

        Assert.True(outbox.Dropped, $"not dropped after {posted} frames");
        Assert.Equal(1, counters.DroppedConsumers);
        Assert.InRange(outbox.PeakQueued, 1, 16);
        Assert.False(outbox.Post(frame));
        Assert.Equal(1, counters.DroppedConsumers);
        await sending.WaitAsync(GatewayHarness.Patience);
        Assert.Equal(WebSocketState.Aborted, server.State);
    }

    [Fact]
    public async Task A_queue_completed_on_purpose_refuses_frames_without_counting_a_slow_consumer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var accepted = await listener.AcceptTcpClientAsync();
        using var server = WebSocket.CreateFromStream(accepted.GetStream(), new WebSocketCreationOptions { IsServer = true });
        var counters = new GatewayCounters();
        var outbox = new WebSocketOutbox(server, capacity: 4, counters);

        outbox.Complete();

        Assert.False(outbox.Post([1, 2, 3]));
        Assert.False(outbox.Dropped);
        Assert.Equal(0, counters.DroppedConsumers);
    }
}
