using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Run;
using static ContinuousOperation.Domain.Tests.Criteria.RunFixtures;

namespace ContinuousOperation.Domain.Tests.Criteria;

public sealed class SuccessCriteriaTests
{
    private static readonly CriteriaThresholds Defaults = new();
    private static readonly TimeSpan FourHours = TimeSpan.FromHours(4);

    [Fact]
    public void A_clean_run_passes_every_criterion()
    {
        var samples = Series(FourHours, TimeSpan.FromMinutes(5), (_, i) => 300 + (i % 3));

        var verdict = SuccessCriteria.Evaluate(Defaults, Metrics(FourHours, samples), Reconciliation());

        Assert.True(verdict.Passed, string.Join("; ", verdict.Results.Where(r => r.Result != CriterionOutcome.Pass).Select(r => r.Name)));
        Assert.Equal(
            [SuccessCriteria.ZeroCriticalErrors, SuccessCriteria.MemoryStable, SuccessCriteria.AverageCpu,
             SuccessCriteria.ErrorRate, SuccessCriteria.PositionConsistency, SuccessCriteria.AllValidationsPass,
             SuccessCriteria.TradingActive],
            verdict.Results.Select(r => r.Name));
    }

    [Fact]
    public void One_critical_error_fails()
    {
        var result = SuccessCriteria.CriticalErrors(Defaults, Metrics(FourHours, errors: [Errors(1, ErrorSeverity.Critical)]));

        Assert.Equal(CriterionOutcome.Fail, result.Result);
        Assert.Equal(1, result.Observed);
    }

    [Fact]
    public void Ordinary_errors_are_not_critical()
    {
        Assert.True(SuccessCriteria.CriticalErrors(Defaults, Metrics(FourHours, errors: [Errors(3)])).Result is CriterionOutcome.Pass);
    }

    [Theory]
    [InlineData(79.9, true)]
    [InlineData(80, false)]
    [InlineData(95, false)]
    public void Average_cpu_must_stay_below_the_limit(double cpu, bool passes)
    {
        var samples = Series(FourHours, TimeSpan.FromMinutes(10), (_, _) => 300, cpuPercent: cpu);

        var result = SuccessCriteria.Cpu(Defaults, Metrics(FourHours, samples));

        Assert.Equal(CriterionResult.Judged(passes), result.Result);
        Assert.Equal(cpu, result.Observed, precision: 9);
    }

    [Fact]
    public void Samples_taken_after_the_planned_end_do_not_count_in_the_average_cpu()
    {
        // The drain and the reconciliation after the end of a 4 h run load the process; the soak is not about them.
        var run = Series(FourHours, TimeSpan.FromMinutes(10), (_, _) => 300, cpuPercent: 10);
        var drain = Sample(FourHours + TimeSpan.FromMinutes(1), 300, cpuPercent: 100);

        var result = SuccessCriteria.Cpu(Defaults, Metrics(FourHours, [.. run, drain], runDuration: FourHours));

        Assert.Equal(10, result.Observed, precision: 9);
        Assert.Equal($"mean of {run.Count} samples", result.Note);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(40, false)]
    public void Error_rate_is_errors_per_hour_of_uptime(long errors, bool passes)
    {
        var result = SuccessCriteria.Errors(Defaults, Metrics(FourHours, errors: errors == 0 ? [] : [Errors(errors)]));

        Assert.Equal(CriterionResult.Judged(passes), result.Result);
        Assert.Equal(errors / 4.0, result.Observed, precision: 9);
    }

    [Theory]
    [InlineData(Invariant.NoOrphanedOrders)]
    [InlineData(Invariant.NoOrphanedPositions)]
    public void An_orphaned_order_or_position_fails_position_consistency(Invariant violated)
    {
        var result = SuccessCriteria.Positions(Reconciliation(violated));

        Assert.Equal(CriterionOutcome.Fail, result.Result);
        Assert.Contains(InvariantCatalog.NameOf(violated), result.Note);
    }

    [Fact]
    public void Other_invariants_do_not_count_as_position_inconsistency_but_fail_validation()
    {
        var consistency = Reconciliation(Invariant.CashConserved);

        Assert.True(SuccessCriteria.Positions(consistency).Result is CriterionOutcome.Pass);
        var validation = SuccessCriteria.Validations(consistency);
        Assert.Equal(CriterionOutcome.Fail, validation.Result);
        Assert.Equal(1, validation.Observed);
    }

    [Fact]
    public void Thresholds_come_from_the_settings()
    {
        var strict = new CriteriaThresholds(MaxCpuPercent: 5);
        var samples = Series(FourHours, TimeSpan.FromMinutes(10), (_, _) => 300, cpuPercent: 10);

        var result = SuccessCriteria.Cpu(strict, Metrics(FourHours, samples));

        Assert.Equal(CriterionOutcome.Fail, result.Result);
        Assert.Equal(5, result.Threshold);
    }

    [Fact]
    public void Cpu_without_a_sample_is_inconclusive_not_passed()
    {
        var result = SuccessCriteria.Cpu(Defaults, Metrics(FourHours));

        Assert.Equal(CriterionOutcome.Inconclusive, result.Result);
        Assert.Equal("no samples", result.Rule);
    }

    [Fact]
    public void An_error_rate_without_uptime_is_inconclusive_not_zero()
    {
        var result = SuccessCriteria.Errors(Defaults, Metrics(TimeSpan.Zero, errors: [Errors(2)]));

        Assert.Equal(CriterionOutcome.Inconclusive, result.Result);
        Assert.Equal("no uptime", result.Rule);
    }

    [Fact]
    public void Judged_criteria_name_the_rule_that_decided()
    {
        var samples = Series(FourHours, TimeSpan.FromMinutes(10), (_, _) => 300);

        Assert.Equal("count", SuccessCriteria.CriticalErrors(Defaults, Metrics(FourHours)).Rule);
        Assert.Equal("mean", SuccessCriteria.Cpu(Defaults, Metrics(FourHours, samples)).Rule);
        Assert.Equal("rate", SuccessCriteria.Errors(Defaults, Metrics(FourHours)).Rule);
        Assert.Equal("invariants", SuccessCriteria.Validations(Reconciliation()).Rule);
    }

    [Fact]
    public void An_inconclusive_criterion_does_not_fail_the_run_but_a_failed_one_does()
    {
        // Four samples in four hours: memory cannot be judged.
        var sparse = Series(FourHours, TimeSpan.FromHours(1), (_, _) => 300);

        var inconclusive = SuccessCriteria.Evaluate(Defaults, Metrics(FourHours, sparse), Reconciliation());
        var failed = SuccessCriteria.Evaluate(Defaults, Metrics(FourHours, sparse, errors: [Errors(40)]), Reconciliation());

        Assert.Equal(CriterionOutcome.Inconclusive, inconclusive.Results.Single(r => r.Name == SuccessCriteria.MemoryStable).Result);
        Assert.True(inconclusive.Passed);
        Assert.False(failed.Passed);
    }
}
