using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Faults;

/// <summary>
/// Draws a run's faults from its seed. Each kind with a positive rate gets round(rate × hours) faults, at least one,
/// spread over the middle of the run (5 %–80 % of it, leaving time to recover before the drain): the window is cut
/// into equal slots, one fault per slot at a seeded offset. Stratifying instead of drawing a Poisson process
/// guarantees that a short run meets every kind it asks for, and keeps faults of one kind from piling up.
/// </summary>
public static class FaultSchedule
{
    private const double WindowStart = 0.05;
    private const double WindowEnd = 0.80;

    public static IReadOnlyList<ScheduledFault> Plan(
        FaultProfile profile, int seed, TimeSpan simulatedDuration, IReadOnlyList<Symbol> symbols)
    {
        var faults = new List<(TimeSpan At, FaultKind Kind, Symbol? Symbol, StreamChannel? Channel, FaultRule Rule)>();
        foreach (var kind in FaultKinds.All)
        {
            if (!profile.Rules.TryGetValue(kind, out var rule) || rule.RatePerHour <= 0) continue;

            // One stream per kind, so adding a kind to a profile does not move the faults of the others.
            var random = new Random(StableSeed.Derive(seed, $"faults/{kind.Name()}"));
            var count = Math.Max(1, (int)Math.Round(rule.RatePerHour * simulatedDuration.TotalHours));
            var window = simulatedDuration * (WindowEnd - WindowStart);
            var slot = window / count;
            for (var i = 0; i < count; i++)
            {
                var at = simulatedDuration * WindowStart + slot * i + slot * random.NextDouble();
                Symbol? symbol = kind.TargetsSymbol() ? symbols[random.Next(symbols.Count)] : null;
                StreamChannel? channel = kind.IsStreamFault() ? (StreamChannel)random.Next(2) : null;
                faults.Add((at, kind, symbol, channel, rule));
            }
        }

        return faults
            .OrderBy(f => f.At)
            .Select((f, i) => new ScheduledFault(i + 1, f.At, f.Kind, f.Symbol, f.Channel, f.Rule.Duration, f.Rule.Count,
                f.Rule.RecoveryDeadline))
            .ToArray();
    }

    /// <summary>Splits a resumed run's schedule at <paramref name="resumePoint"/> (simulated time the fault clock
    /// already ran): faults before it were due in the earlier segments and are not fired again; the others fire at
    /// their planned offsets.</summary>
    public static (IReadOnlyList<ScheduledFault> Due, IReadOnlyList<ScheduledFault> Passed) SplitAt(
        IReadOnlyList<ScheduledFault> schedule, TimeSpan resumePoint) =>
        (schedule.Where(f => f.At >= resumePoint).ToArray(), schedule.Where(f => f.At < resumePoint).ToArray());
}
