using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Trading;

public class MarketDataConsumerTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly MarketDataConsumer consumer = new(silenceTimeout: TimeSpan.FromSeconds(5));

    [Fact]
    public void First_update_after_connecting_is_the_baseline_and_then_updates_apply_in_sequence()
    {
        consumer.Connected(T0);

        Assert.Equal((true, StreamAction.None), consumer.OnUpdate(41, T0));
        Assert.Equal((true, StreamAction.None), consumer.OnUpdate(42, T0));
        Assert.Equal(42, consumer.Sequence);
        Assert.False(consumer.AwaitingSnapshot);
    }

    [Fact]
    public void A_duplicate_or_late_update_is_ignored()
    {
        consumer.OnSnapshot(10, T0);

        Assert.Equal((false, StreamAction.None), consumer.OnUpdate(10, T0));
        Assert.Equal((false, StreamAction.None), consumer.OnUpdate(7, T0));
        Assert.Equal(10, consumer.Sequence);
    }

    [Fact]
    public void A_sequence_jump_asks_for_a_resync_once_and_waits_for_the_snapshot()
    {
        consumer.OnSnapshot(10, T0);

        Assert.Equal((false, StreamAction.Resync), consumer.OnUpdate(12, T0));
        Assert.True(consumer.AwaitingSnapshot);

        consumer.OnSnapshot(15, T0);
        Assert.Equal((true, StreamAction.None), consumer.OnUpdate(16, T0));
    }

    [Fact]
    public void A_heartbeat_ahead_of_the_last_update_reveals_a_gap_on_a_quiet_stream()
    {
        consumer.OnSnapshot(10, T0);

        Assert.Equal(StreamAction.None, consumer.OnHeartbeat(10, T0));
        Assert.Equal(StreamAction.Resync, consumer.OnHeartbeat(11, T0));
    }

    [Fact]
    public void Silence_longer_than_the_timeout_asks_for_one_reconnect_and_heartbeats_keep_the_stream_alive()
    {
        consumer.OnSnapshot(1, T0);

        Assert.Equal(StreamAction.None, consumer.OnTimer(T0.AddSeconds(4)));
        consumer.OnHeartbeat(1, T0.AddSeconds(4));
        Assert.Equal(StreamAction.None, consumer.OnTimer(T0.AddSeconds(8)));

        Assert.Equal(StreamAction.Reconnect, consumer.OnTimer(T0.AddSeconds(9.5)));
        Assert.True(consumer.AwaitingSnapshot);
        Assert.Equal(StreamAction.None, consumer.OnTimer(T0.AddSeconds(10)));
    }

    [Fact]
    public void The_view_is_stale_while_awaiting_a_snapshot_or_after_half_the_timeout_of_silence()
    {
        consumer.Connected(T0);
        Assert.True(consumer.IsStale(T0));

        consumer.OnSnapshot(1, T0);
        Assert.False(consumer.IsStale(T0.AddSeconds(2)));
        Assert.True(consumer.IsStale(T0.AddSeconds(3)));
    }
}
