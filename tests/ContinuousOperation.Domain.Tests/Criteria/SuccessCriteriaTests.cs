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

        Assert.True(verdict.Passed, string.Join("; ", verdict.Results.Where(r => !r.Passed).Select(r => r.Name)));
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

        Assert.False(result.Passed);
        Assert.Equal(1, result.Observed);
    }

    [Fact]
    public void Ordinary_errors_are_not_critical()
    {
        Assert.True(SuccessCriteria.CriticalErrors(Defaults, Metrics(FourHours, errors: [Errors(3)])).Passed);
    }

    [Theory]
    [InlineData(79.9, true)]
    [InlineData(80, false)]
    [InlineData(95, false)]
    public void Average_cpu_must_stay_below_the_limit(double cpu, bool passes)
    {
        var samples = Series(FourHours, TimeSpan.FromMinutes(10), (_, _) => 300, cpuPercent: cpu);

        var result = SuccessCriteria.Cpu(Defaults, Metrics(FourHours, samples));

        Assert.Equal(passes, result.Passed);
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

        Assert.Equal(passes, result.Passed);
        Assert.Equal(errors / 4.0, result.Observed, precision: 9);
    }

    [Theory]
    [InlineData(Invariant.NoOrphanedOrders)]
    [InlineData(Invariant.NoOrphanedPositions)]
    public void An_orphaned_order_or_position_fails_position_consistency(Invariant violated)
    {
        var result = SuccessCriteria.Positions(Reconciliation(violated));

        Assert.False(result.Passed);
        Assert.Contains(InvariantCatalog.NameOf(violated), result.Note);
    }

    [Fact]
    public void Other_invariants_do_not_count_as_position_inconsistency_but_fail_validation()
    {
        var consistency = Reconciliation(Invariant.CashConserved);

        Assert.True(SuccessCriteria.Positions(consistency).Passed);
        var validation = SuccessCriteria.Validations(consistency);
        Assert.False(validation.Passed);
        Assert.Equal(1, validation.Observed);
    }

    [Fact]
    public void Thresholds_come_from_the_settings()
    {
        var strict = new CriteriaThresholds(MaxCpuPercent: 5);
        var samples = Series(FourHours, TimeSpan.FromMinutes(10), (_, _) => 300, cpuPercent: 10);

        var result = SuccessCriteria.Cpu(strict, Metrics(FourHours, samples));

        Assert.False(result.Passed);
        Assert.Equal(5, result.Threshold);
    }
}
