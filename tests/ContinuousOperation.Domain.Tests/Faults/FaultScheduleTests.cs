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

        Assert.Equal(FaultKinds.All.ToHashSet(), schedule.Select(f => f.Kind).ToHashSet());
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
