using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Faults;

public class FaultScheduleTests
{
    private static readonly Symbol[] Symbols = [new("BTC-USDT"), new("ETH-USDT"), new("SOL-USDT")];

    [Fact]
    public void The_same_seed_gives_the_same_schedule_and_another_seed_a_different_one()
    {
        var a = FaultSchedule.Plan(FaultProfile.Heavy, seed: 7, TimeSpan.FromMinutes(5), Symbols);
        var b = FaultSchedule.Plan(FaultProfile.Heavy, seed: 7, TimeSpan.FromMinutes(5), Symbols);
        var c = FaultSchedule.Plan(FaultProfile.Heavy, seed: 8, TimeSpan.FromMinutes(5), Symbols);

        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(f => f.At), c.Select(f => f.At));
    }

    [Fact]
    public void A_one_minute_heavy_run_gets_every_kind_at_least_once_inside_the_middle_of_the_run()
    {
        var duration = TimeSpan.FromMinutes(1);

        var schedule = FaultSchedule.Plan(FaultProfile.Heavy, seed: 1, duration, Symbols);

        Assert.Equal(FaultKinds.All.Where(k => !k.IsNodeFault()).ToHashSet(), schedule.Select(f => f.Kind).ToHashSet());
        Assert.All(schedule, f => Assert.InRange(f.At, duration * 0.05, duration * 0.80));
        Assert.Equal(Enumerable.Range(1, schedule.Count), schedule.Select(f => f.Id));
        Assert.Equal(schedule.OrderBy(f => f.At).Select(f => f.Id), schedule.Select(f => f.Id));
    }

    [Fact]
    public void The_count_per_kind_follows_the_rate_and_faults_of_a_kind_are_spread_one_per_slot()
    {
        var duration = TimeSpan.FromHours(2);

        var crashes = FaultSchedule.Plan(FaultProfile.Light, seed: 3, duration, Symbols)
            .Where(f => f.Kind == FaultKind.TraderCrash).ToArray();

        Assert.Equal(4, crashes.Length);
        var slot = duration * 0.75 / 4;
        for (var i = 0; i < crashes.Length; i++)
            Assert.InRange(crashes[i].At, duration * 0.05 + slot * i, duration * 0.05 + slot * (i + 1));
    }

    [Fact]
    public void Targets_match_the_kind()
    {
        var schedule = FaultSchedule.Plan(FaultProfile.Heavy, seed: 2, TimeSpan.FromMinutes(10), Symbols);

        Assert.All(schedule, f =>
        {
            Assert.Equal(f.Kind.TargetsSymbol(), f.Symbol is not null);
            Assert.Equal(f.Kind.IsStreamFault(), f.Channel is not null);
        });
        Assert.Contains(schedule, f => f.Channel == StreamChannel.Account);
        Assert.Contains(schedule, f => f.Channel == StreamChannel.MarketData);
    }

    [Fact]
    public void Adding_node_faults_to_a_profile_leaves_a_single_node_run_exactly_as_it_was()
    {
        var withoutNodeFaults = FaultProfile.Heavy with
        {
            Rules = FaultProfile.Heavy.Rules.Where(r => !r.Key.IsNodeFault()).ToDictionary(),
        };

        Assert.Equal(
            FaultSchedule.Plan(withoutNodeFaults, seed: 5, TimeSpan.FromHours(1), Symbols),
            FaultSchedule.Plan(FaultProfile.Heavy, seed: 5, TimeSpan.FromHours(1), Symbols, FaultScope.SingleNode));
    }

    [Theory]
    [InlineData("light")]
    [InlineData("heavy")]
    public void A_cluster_run_plans_every_node_fault_aimed_at_a_node_and_no_exchange_crash(string profile)
    {
        var duration = TimeSpan.FromMinutes(30);

        var schedule = FaultSchedule.Plan(FaultProfile.Named(profile)!, seed: 3, duration, Symbols, FaultScope.Cluster(3));

        Assert.DoesNotContain(schedule, f => f.Kind == FaultKind.ExchangeCrash);
        Assert.Equal(FaultKinds.All.Where(k => k != FaultKind.ExchangeCrash).ToHashSet(), schedule.Select(f => f.Kind).ToHashSet());
        Assert.All(schedule, f =>
        {
            Assert.Equal(f.Kind.IsNodeFault(), f.Node is not null);
            if (f.Node is { } node) Assert.InRange(node, 1, 3);
            Assert.InRange(f.At, duration * 0.05, duration * 0.80);
        });
        Assert.Equal(schedule.OrderBy(f => f.At).Select(f => f.Id), schedule.Select(f => f.Id));
    }

    [Fact]
    public void Node_faults_of_any_kind_are_at_least_half_a_slot_apart_and_hit_every_node_over_a_long_run()
    {
        var duration = TimeSpan.FromHours(10);

        var nodeFaults = FaultSchedule.Plan(FaultProfile.Heavy, seed: 9, duration, Symbols, FaultScope.Cluster(3))
            .Where(f => f.Kind.IsNodeFault()).ToArray();

        // Heavy: 4 per hour of each of the three kinds, one series of slots shared by all of them.
        Assert.Equal(120, nodeFaults.Length);
        var halfSlot = duration * 0.75 / nodeFaults.Length / 2;
        Assert.All(nodeFaults.Zip(nodeFaults.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= halfSlot));
        Assert.Equal([1, 2, 3], nodeFaults.Select(f => f.Node!.Value).Distinct().Order());
        Assert.All(nodeFaults, f => Assert.Equal($"node {f.Node}", f.Target));
    }

    [Fact]
    public void A_node_fault_takes_its_duration_and_deadline_from_the_profile()
    {
        var kill = FaultSchedule.Plan(FaultProfile.Light, seed: 1, TimeSpan.FromHours(1), Symbols, FaultScope.Cluster(2))
            .First(f => f.Kind == FaultKind.NodeKill);

        var rule = FaultProfile.Light.Rules[FaultKind.NodeKill];
        Assert.Equal((rule.Duration, rule.RecoveryDeadline), (kill.Duration, kill.RecoveryDeadline));
    }

    [Fact]
    public void A_cluster_needs_a_node()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultScope.Cluster(0));
        Assert.False(FaultScope.SingleNode.IsCluster);
    }

    [Fact]
    public void No_profile_means_no_faults()
    {
        Assert.Empty(FaultSchedule.Plan(FaultProfile.None, seed: 1, TimeSpan.FromHours(24), Symbols));
    }

    [Fact]
    public void Kind_names_round_trip()
    {
        Assert.All(FaultKinds.All, kind =>
        {
            Assert.True(FaultKinds.TryParse(kind.Name(), out var parsed));
            Assert.Equal(kind, parsed);
        });
        Assert.False(FaultKinds.TryParse("meteor-strike", out _));
    }

    [Fact]
    public void A_resume_point_splits_the_schedule_into_faults_already_due_and_faults_still_to_fire_at_their_planned_times()
    {
        var schedule = FaultSchedule.Plan(FaultProfile.Heavy, seed: 11, TimeSpan.FromHours(1), Symbols);
        var resumePoint = TimeSpan.FromMinutes(30);

        var (due, passed) = FaultSchedule.SplitAt(schedule, resumePoint);

        Assert.NotEmpty(due);
        Assert.NotEmpty(passed);
        Assert.All(passed, f => Assert.True(f.At < resumePoint));
        Assert.All(due, f => Assert.True(f.At >= resumePoint));
        // Nothing is lost, moved or fired twice: together they are the original schedule, unchanged.
        Assert.Equal(schedule, passed.Concat(due).OrderBy(f => f.Id));
    }

    [Fact]
    public void Resuming_at_the_start_fires_the_whole_schedule()
    {
        var schedule = FaultSchedule.Plan(FaultProfile.Light, seed: 11, TimeSpan.FromHours(2), Symbols);

        var (due, passed) = FaultSchedule.SplitAt(schedule, TimeSpan.Zero);

        Assert.Equal(schedule, due);
        Assert.Empty(passed);
    }
}
