using ContinuousOperation.Domain.Faults;

namespace ContinuousOperation.Domain.Tests.Faults;

public class StreamTamperTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly StreamTamper<int> tamper = new();

    private int[] Send(params int[] messages) =>
        messages.SelectMany(m => tamper.Pass(m, T0).Deliver).ToArray();

    [Fact]
    public void Without_faults_messages_pass_unchanged() => Assert.Equal([1, 2, 3], Send(1, 2, 3));

    [Fact]
    public void A_drop_loses_exactly_the_next_message()
    {
        tamper.Arm(7, FaultKind.StreamDrop, TimeSpan.Zero, T0);

        var (deliver, applied) = tamper.Pass(1, T0);

        Assert.Empty(deliver);
        Assert.Equal(7, applied);
        Assert.Equal([2, 3], Send(2, 3));
    }

    [Fact]
    public void A_duplicate_delivers_the_next_message_twice()
    {
        tamper.Arm(7, FaultKind.StreamDuplicate, TimeSpan.Zero, T0);

        var (deliver, applied) = tamper.Pass(1, T0);

        Assert.Equal([1, 1], deliver);
        Assert.Equal(7, applied);
        Assert.Equal([2], Send(2));
    }

    [Fact]
    public void A_reorder_swaps_the_next_two_messages_and_takes_effect_with_the_second()
    {
        tamper.Arm(7, FaultKind.StreamReorder, TimeSpan.Zero, T0);

        var first = tamper.Pass(1, T0);
        Assert.Empty(first.Deliver);
        Assert.Null(first.Applied);

        var (deliver, applied) = tamper.Pass(2, T0);
        Assert.Equal([2, 1], deliver);
        Assert.Equal(7, applied);
        Assert.Equal([3], Send(3));
    }

    [Fact]
    public void A_silence_delivers_nothing_until_it_is_over()
    {
        Assert.Equal(7, tamper.Arm(7, FaultKind.StreamSilence, TimeSpan.FromSeconds(5), T0));

        Assert.True(tamper.IsSilent(T0.AddSeconds(4)));
        Assert.Empty(tamper.Pass(1, T0.AddSeconds(4)).Deliver);
        Assert.False(tamper.IsSilent(T0.AddSeconds(5)));
        Assert.Equal([2], tamper.Pass(2, T0.AddSeconds(5)).Deliver);
    }

    [Fact]
    public void Faults_armed_together_take_effect_one_after_the_other()
    {
        tamper.Arm(1, FaultKind.StreamDrop, TimeSpan.Zero, T0);
        tamper.Arm(2, FaultKind.StreamDuplicate, TimeSpan.Zero, T0);

        Assert.Equal([2, 2, 3], Send(1, 2, 3));
    }

    [Fact]
    public void Only_message_level_faults_can_be_armed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => tamper.Arm(1, FaultKind.TraderCrash, TimeSpan.Zero, T0));
    }

    [Fact]
    public void A_fault_armed_again_takes_effect_once()
    {
        tamper.Arm(7, FaultKind.StreamDrop, TimeSpan.Zero, T0);
        tamper.Arm(7, FaultKind.StreamDrop, TimeSpan.Zero, T0);

        Assert.Equal([2, 3], Send(1, 2, 3));
        Assert.Null(tamper.Arm(7, FaultKind.StreamDrop, TimeSpan.Zero, T0));
        Assert.Equal([4], Send(4));
    }

    [Fact]
    public void A_disconnect_takes_effect_at_once_and_only_once()
    {
        Assert.Equal(7, tamper.Arm(7, FaultKind.StreamDisconnect, TimeSpan.Zero, T0));
        Assert.Null(tamper.Arm(7, FaultKind.StreamDisconnect, TimeSpan.Zero, T0));
        Assert.Equal([1], Send(1));
    }

    [Fact]
    public void The_silence_going_on_is_named_so_that_its_holder_can_end_it()
    {
        tamper.Arm(7, FaultKind.StreamSilence, TimeSpan.FromSeconds(5), T0);

        Assert.Equal(7, tamper.SilencedBy(T0.AddSeconds(4)));
        Assert.Null(tamper.SilencedBy(T0.AddSeconds(5)));
    }
}
