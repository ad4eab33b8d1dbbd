using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Consistency;

public sealed class RetiredNumbersTests
{
    [Fact]
    public void Numbers_retired_in_any_order_merge_into_runs_and_only_they_are_contained()
    {
        var retired = new RetiredNumbers();
        foreach (var n in new long[] { 5, 1, 3, 2, 9, 4, 8 }) retired.Add(n);

        Assert.Equal(2, retired.Runs); // 1–5 and 8–9
        Assert.All(new long[] { 1, 2, 3, 4, 5, 8, 9 }, n => Assert.True(retired.Contains(n)));
        Assert.All(new long[] { 0, 6, 7, 10, -1 }, n => Assert.False(retired.Contains(n)));

        retired.Add(7);
        retired.Add(6);
        retired.Add(6);
        Assert.Equal(1, retired.Runs);
        Assert.True(retired.Contains(6) && !retired.Contains(10));
    }

    [Fact]
    public void A_huge_jump_costs_one_run_not_the_numbers_between()
    {
        var retired = new RetiredNumbers();
        retired.Add(1);
        retired.Add(long.MaxValue - 1);

        Assert.Equal(2, retired.Runs);
        Assert.False(retired.Contains(long.MaxValue / 2));
    }

    [Fact]
    public void The_traders_own_order_ids_can_be_retired_and_other_spellings_cannot()
    {
        var symbol = new Symbol("BTC-USDT");
        var retired = new RetiredOrders(symbol);
        var first = TraderState.Empty(symbol).NextClientOrderId();

        retired.Retire(first);

        Assert.True(retired.Contains(first));
        Assert.False(retired.Contains(new ClientOrderId("BTC-USDT-01")));
        Assert.False(retired.CanRetire(new ClientOrderId("BTC-USDT-01")));
        Assert.False(retired.CanRetire(new ClientOrderId("ETH-USDT-1")));
        Assert.False(retired.CanRetire(new ClientOrderId("BTC-USDT-")));
        Assert.False(retired.CanRetire(new ClientOrderId("o1")));
    }
}
