using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Faults;

/// <summary>
/// Draws a run's faults from its seed. Each kind with a positive rate gets round(rate × hours) faults, at least one,
/// spread over the middle of the run (5 %–80 % of it, leaving time to recover before the drain): the window is cut
/// into equal slots, one fault per slot at a seeded offset. Stratifying instead of drawing a Poisson process
/// guarantees that a short run meets every kind it asks for, and keeps faults of one kind from piling up.
/// <para>
/// Only kinds that apply to the run's <see cref="FaultScope"/> are planned. Node faults share one series of slots
/// whatever their kind, each in the first half of its slot, so two of them are at least half a slot apart: a second
/// node lost while the first is still down could cost the cluster its majority, and then the split brain resolver
/// rightly stops the survivors too.
/// </para>
/// </summary>
public static class FaultSchedule
{
    private const double WindowStart = 0.05;
    private const double WindowEnd = 0.80;

    /// <summary>The schedule of a single-node run.</summary>
    public static IReadOnlyList<ScheduledFault> Plan(
        FaultProfile profile, int seed, TimeSpan simulatedDuration, IReadOnlyList<Symbol> symbols) =>
        Plan(profile, seed, simulatedDuration, symbols, FaultScope.SingleNode);

    public static IReadOnlyList<ScheduledFault> Plan(
        FaultProfile profile, int seed, TimeSpan simulatedDuration, IReadOnlyList<Symbol> symbols, FaultScope scope)
    {
        var planned = new List<Planned>();
        foreach (var kind in KindsToPlan(profile, scope).Where(kind => !kind.IsNodeFault()))
        {
            // One stream per kind, so adding a kind to a profile does not move the faults of the others.
            var random = new Random(StableSeed.Derive(seed, $"faults/{kind.Name()}"));
            var rule = profile.Rules[kind];
            foreach (var at in Slots(Count(rule, simulatedDuration), simulatedDuration, random, spread: 1))
            {
                Symbol? symbol = kind.TargetsSymbol() ? symbols[random.Next(symbols.Count)] : null;
                StreamChannel? channel = kind.IsStreamFault() ? (StreamChannel)random.Next(2) : null;
                planned.Add(new Planned(at, kind, symbol, channel, Node: null, rule));
            }
        }

        planned.AddRange(NodeFaults(profile, seed, simulatedDuration, scope));
        return planned
            .OrderBy(f => f.At)
            .Select((f, i) => new ScheduledFault(i + 1, f.At, f.Kind, f.Symbol, f.Channel, f.Rule.Duration, f.Rule.Count,
                f.Rule.RecoveryDeadline, f.Node))
            .ToArray();
    }

    /// <summary>Splits a resumed run's schedule at <paramref name="resumePoint"/> (simulated time the fault clock
    /// already ran): faults before it were due in the earlier segments and are not fired again; the others fire at
    /// their planned offsets.</summary>
    public static (IReadOnlyList<ScheduledFault> Due, IReadOnlyList<ScheduledFault> Passed) SplitAt(
        IReadOnlyList<ScheduledFault> schedule, TimeSpan resumePoint) =>
        (schedule.Where(f => f.At >= resumePoint).ToArray(), schedule.Where(f => f.At < resumePoint).ToArray());

    /// <summary>Each node fault the profile asks for, in a seeded order, one per slot, aimed at a seeded node.</summary>
    private static IEnumerable<Planned> NodeFaults(FaultProfile profile, int seed, TimeSpan simulatedDuration, FaultScope scope)
    {
        var random = new Random(StableSeed.Derive(seed, "faults/node"));
        var kinds = KindsToPlan(profile, scope).Where(kind => kind.IsNodeFault())
            .SelectMany(kind => Enumerable.Repeat(kind, Count(profile.Rules[kind], simulatedDuration)))
            .OrderBy(_ => random.Next())
            .ToArray();
        return Slots(kinds.Length, simulatedDuration, random, spread: 0.5).Zip(kinds, (at, kind) =>
            new Planned(at, kind, Symbol: null, Channel: null, Node: random.Next(1, scope.Nodes + 1), profile.Rules[kind]));
    }

    private static IEnumerable<FaultKind> KindsToPlan(FaultProfile profile, FaultScope scope) => FaultKinds.All
        .Where(kind => kind.AppliesTo(scope) && profile.Rules.TryGetValue(kind, out var rule) && rule.RatePerHour > 0);

    private static int Count(FaultRule rule, TimeSpan simulatedDuration) =>
        Math.Max(1, (int)Math.Round(rule.RatePerHour * simulatedDuration.TotalHours));

    /// <summary><paramref name="count"/> times, one in each equal slot of the window, within the first
    /// <paramref name="spread"/> of the slot.</summary>
    private static IEnumerable<TimeSpan> Slots(int count, TimeSpan simulatedDuration, Random random, double spread)
    {
        var slot = simulatedDuration * (WindowEnd - WindowStart) / Math.Max(1, count);
        for (var i = 0; i < count; i++)
            yield return simulatedDuration * WindowStart + slot * i + slot * spread * random.NextDouble();
    }

    private sealed record Planned(TimeSpan At, FaultKind Kind, Symbol? Symbol, StreamChannel? Channel, int? Node, FaultRule Rule);
}
