using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Trading;

public sealed class OrderTransitionsTests
{
    /// <summary>The lifecycle written out independently of the table, so any edit to the table shows up here.</summary>
    public static TheoryData<OrderStatus, OrderEventKind, OrderStatus> LegalTransitions => new()
    {
        { OrderStatus.Submitted, OrderEventKind.Acknowledge, OrderStatus.Accepted },
        { OrderStatus.Submitted, OrderEventKind.PartialFill, OrderStatus.PartiallyFilled },
        { OrderStatus.Submitted, OrderEventKind.CompleteFill, OrderStatus.Filled },
        { OrderStatus.Submitted, OrderEventKind.Cancel, OrderStatus.Cancelled },
        { OrderStatus.Submitted, OrderEventKind.Reject, OrderStatus.Rejected },
        { OrderStatus.Accepted, OrderEventKind.PartialFill, OrderStatus.PartiallyFilled },
        { OrderStatus.Accepted, OrderEventKind.CompleteFill, OrderStatus.Filled },
        { OrderStatus.Accepted, OrderEventKind.Cancel, OrderStatus.Cancelled },
        { OrderStatus.PartiallyFilled, OrderEventKind.PartialFill, OrderStatus.PartiallyFilled },
        { OrderStatus.PartiallyFilled, OrderEventKind.CompleteFill, OrderStatus.Filled },
        { OrderStatus.PartiallyFilled, OrderEventKind.Cancel, OrderStatus.Cancelled },
    };

    public static TheoryData<OrderStatus, OrderEventKind> IllegalTransitions()
    {
        var legal = LegalTransitions.Select(row => ((OrderStatus)row[0], (OrderEventKind)row[1])).ToHashSet();
        var data = new TheoryData<OrderStatus, OrderEventKind>();
        foreach (var status in Enum.GetValues<OrderStatus>())
            foreach (var kind in Enum.GetValues<OrderEventKind>().Where(k => !legal.Contains((status, k))))
                data.Add(status, kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Legal_transition_leads_to_the_listed_status(OrderStatus from, OrderEventKind kind, OrderStatus expected)
    {
        Assert.Equal(expected, OrderTransitions.Next(from, kind));
        Assert.True(OrderTransitions.TryNext(from, kind, out var next));
        Assert.Equal(expected, next);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Transition_not_in_the_table_throws(OrderStatus from, OrderEventKind kind)
    {
        var error = Assert.Throws<InvalidOrderTransitionException>(() => OrderTransitions.Next(from, kind));
        Assert.Equal((from, kind), (error.From, error.Kind));
        Assert.False(OrderTransitions.TryNext(from, kind, out _));
    }

    [Fact]
    public void The_table_holds_exactly_the_legal_transitions() =>
        Assert.Equal(LegalTransitions.Count(), OrderTransitions.Table.Count);

    [Theory]
    [InlineData(OrderStatus.Filled)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Rejected)]
    public void Nothing_leaves_a_terminal_status(OrderStatus terminal)
    {
        Assert.True(terminal.IsTerminal());
        Assert.All(Enum.GetValues<OrderEventKind>(), kind => Assert.False(OrderTransitions.TryNext(terminal, kind, out _)));
    }

    [Theory]
    [InlineData(10, 0, 4, OrderEventKind.PartialFill)]
    [InlineData(10, 4, 6, OrderEventKind.CompleteFill)]
    [InlineData(10, 4, 7, OrderEventKind.CompleteFill)]
    public void A_fill_completes_the_order_when_it_reaches_its_quantity(
        decimal quantity, decimal filled, decimal fill, OrderEventKind expected) =>
        Assert.Equal(expected, OrderTransitions.FillKind(quantity, filled, fill));
}
