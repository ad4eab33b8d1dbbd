using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Domain.Tests.Consistency;

public sealed class RunningReconciliationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public enum Damage { None, FillAppliedTwice, FillLost, TraderGap }

    /// <summary>A seeded day in miniature: orders placed, partly and fully filled, cancelled, other participants
    /// trading; then, if asked, one thing broken somewhere in the middle.</summary>
    private static (JournalScenario Scenario, long TraderGapAt) Generated(int seed, Damage damage)
    {
        var random = new Random(seed);
        var scenario = new JournalScenario();
        var live = new Dictionary<string, decimal>();
        var damageFrom = 20 + random.Next(20);
        var damaged = damage is Damage.None or Damage.TraderGap;
        void Fill(string order, decimal quantity, decimal price)
        {
            var breakIt = !damaged && scenario.TraderJournal.Count >= damageFrom;
            scenario.Fill(order, quantity, price, traderSees: !(breakIt && damage == Damage.FillLost));
            if (breakIt && damage == Damage.FillAppliedTwice) scenario.ApplyLastFillAgain();
            damaged |= breakIt;
        }

        for (var step = 0; step < 60; step++)
        {
            switch (random.Next(4))
            {
                case 0:
                    var id = $"o{step}";
                    var quantity = 1m + random.Next(4);
                    scenario.Place(id, random.Next(2) == 0 ? Side.Buy : Side.Sell, quantity, 3_000m + random.Next(-20, 20));
                    live[id] = quantity;
                    break;
                case 1 when live.Count > 0:
                    var (order, remaining) = live.ElementAt(random.Next(live.Count));
                    var fill = random.Next(2) == 0 ? remaining : remaining / 2;
                    Fill(order, fill, 3_000m + random.Next(-20, 20));
                    if (remaining == fill) live.Remove(order);
                    else live[order] = remaining - fill;
                    break;
                case 3 when live.Count > 0:
                    var cancelled = live.Keys.ElementAt(random.Next(live.Count));
                    scenario.Cancel(cancelled);
                    live.Remove(cancelled);
                    break;
                default:
                    scenario.NoiseTrade(0.5m + random.Next(3), 3_000m + random.Next(-20, 20));
                    break;
            }
        }
        // The damage lands on this fill if no earlier one took it; a lost fill is then not the trader's last
        // (so visible before the drain too) only if it was earlier, which most seeds give.
        scenario.Place("o-last", Side.Buy, 2m, 3_000m);
        Fill("o-last", 1m, 3_000m);
        damaged = true;
        Fill("o-last", 1m, 3_000m);
        scenario.CloseBook();
        return (scenario, damage == Damage.TraderGap ? 10 + random.Next(scenario.TraderJournal.Count - 10) : 0);
    }

    /// <summary>Both journals numbered as the database would return them (a gap skips one number).</summary>
    private static (List<(long SequenceNr, ITraderEvent Event)> Trader, List<(long SequenceNr, IExchangeEvent Event)> Exchange)
        Numbered(JournalScenario scenario, long traderGapAt)
    {
        var trader = scenario.TraderJournal.Select((e, i) => (i + 1L >= traderGapAt && traderGapAt > 0 ? i + 2L : i + 1L, e)).ToList();
        var exchange = scenario.ExchangeJournal.Select((e, i) => (i + 1L, e)).ToList();
        return (trader, exchange);
    }

    /// <summary>Reads the journals in rounds: at each cut, the trader journal up to its cut, then the venue's.</summary>
    private static (RunningReconciliation Running, List<IReadOnlyList<Violation>> Rounds) ReadInRounds(
        JournalScenario scenario, long traderGapAt, IReadOnlyList<(int Trader, int Exchange)> cuts)
    {
        var (trader, exchange) = Numbered(scenario, traderGapAt);
        var running = new RunningReconciliation(JournalScenario.Run);
        var fold = running.FoldOf(JournalScenario.Symbol);
        var rounds = new List<IReadOnlyList<Violation>>();
        var (t, x) = (0, 0);
        foreach (var (traderCut, exchangeCut) in cuts)
        {
            for (; t < traderCut; t++) fold.AddTraderEvent(trader[t].SequenceNr, trader[t].Event, JournalScenario.Serialized(trader[t].Event));
            for (; x < exchangeCut; x++) fold.AddExchangeEvent(exchange[x].SequenceNr, exchange[x].Event, JournalScenario.Serialized(exchange[x].Event));
            rounds.Add(running.EndRoundAtCut(Start.AddMinutes(rounds.Count + 1)));
        }
        for (; t < trader.Count; t++) fold.AddTraderEvent(trader[t].SequenceNr, trader[t].Event, JournalScenario.Serialized(trader[t].Event));
        for (; x < exchange.Count; x++) fold.AddExchangeEvent(exchange[x].SequenceNr, exchange[x].Event, JournalScenario.Serialized(exchange[x].Event));
        return (running, rounds);
    }

    private static IEnumerable<string> Verdict(ConsistencyReport report) => report.Invariants.Select(i =>
        $"{i.Invariant} {i.State}: {string.Join(" / ", i.Violations.Select(v => v.Key).Order(StringComparer.Ordinal))}");

    /// <summary>Cuts anywhere, each journal's at or after the previous one's: not necessarily consistent.</summary>
    private static List<(int, int)> AnyCuts(Random random, JournalScenario scenario, int count) =>
        Enumerable.Range(0, count)
            .Select(_ => (random.Next(scenario.TraderJournal.Count + 1), random.Next(scenario.ExchangeJournal.Count + 1)))
            .Order()
            .Select((c, i) => (c.Item1, c.Item2))
            .ToList()
            .Aggregate(new List<(int, int)>(), (cuts, c) =>
            {
                cuts.Add((c.Item1, Math.Max(c.Item2, cuts.Count > 0 ? cuts[^1].Item2 : 0)));
                return cuts;
            });

    [Theory]
    [InlineData(Damage.None)]
    [InlineData(Damage.FillAppliedTwice)]
    [InlineData(Damage.FillLost)]
    [InlineData(Damage.TraderGap)]
    public void Rounds_at_random_cut_points_end_in_the_verdict_of_one_full_pass(Damage damage)
    {
        for (var seed = 1; seed <= 25; seed++)
        {
            var (scenario, gapAt) = Generated(seed, damage);
            var onePass = Reconciler.Summarise(JournalScenario.Drained, [Fold(scenario, gapAt)]);

            var (running, _) = ReadInRounds(scenario, gapAt, AnyCuts(new Random(seed), scenario, count: 1 + seed % 6));
            var inRounds = running.Close(JournalScenario.Drained, Start.AddHours(1));

            Assert.Equal(Verdict(onePass), Verdict(inRounds));
            Assert.Equal(damage == Damage.None, onePass.IsValid);
        }
    }

    [Fact]
    public void A_clean_run_read_at_consistent_cuts_shows_no_violation_in_any_round()
    {
        for (var seed = 1; seed <= 25; seed++)
        {
            var (scenario, _) = Generated(seed, Damage.None);
            var random = new Random(seed);
            var cuts = Enumerable.Range(0, 8).Select(_ => random.Next(scenario.TraderJournal.Count + 1)).Order()
                .Select(t => (t, ConsistentVenueCut(scenario, t, random))).ToList();
            for (var i = 1; i < cuts.Count; i++) cuts[i] = (cuts[i].t, Math.Max(cuts[i].Item2, cuts[i - 1].Item2));

            var (running, rounds) = ReadInRounds(scenario, 0, cuts);

            Assert.All(rounds, found => Assert.Empty(found));
            Assert.True(running.Close(JournalScenario.Drained, Start.AddHours(1)).IsValid);
        }
    }

    [Fact]
    public void A_fill_applied_twice_mid_run_is_found_by_the_first_round_after_it_and_keeps_that_time()
    {
        var scenario = new JournalScenario().Place("o1", Side.Buy, 3m, 3_000m).Fill("o1", 1m, 3_000m);
        var (cleanTrader, cleanExchange) = (scenario.TraderJournal.Count, scenario.ExchangeJournal.Count);
        scenario.ApplyLastFillAgain().Fill("o1", 2m, 3_001m).CloseBook();

        var (running, rounds) = ReadInRounds(scenario, 0,
            [(cleanTrader, cleanExchange), (scenario.TraderJournal.Count, scenario.ExchangeJournal.Count - 1)]);
        var report = running.Close(JournalScenario.Drained, Start.AddHours(1));

        Assert.Empty(rounds[0]);
        var duplicate = Assert.Single(rounds[1], v => v.Invariant == Invariant.FillsExactlyOnce);
        Assert.Equal(Start.AddMinutes(2), duplicate.FoundAt);
        var reported = report.Invariants.Single(i => i.Invariant == Invariant.FillsExactlyOnce).Violations.Single();
        Assert.Equal((duplicate.Detail, Start.AddMinutes(2)), (reported.Detail, reported.FoundAt));
        Assert.All(report.Invariants.SelectMany(i => i.Violations), v => Assert.Equal(Start.AddMinutes(2), v.FoundAt));
    }

    [Fact]
    public void A_round_does_not_report_again_what_an_earlier_round_found()
    {
        var scenario = new JournalScenario().Place("o1", Side.Buy, 3m, 3_000m).Fill("o1", 1m, 3_000m).ApplyLastFillAgain();
        var traderCut = scenario.TraderJournal.Count;
        scenario.Fill("o1", 1m, 3_000m).CloseBook();

        var (_, rounds) = ReadInRounds(scenario, 0,
            [(traderCut, 2), (traderCut, 2), (scenario.TraderJournal.Count, scenario.ExchangeJournal.Count)]);

        Assert.NotEmpty(rounds[0]);
        Assert.Empty(rounds[1]);
        Assert.DoesNotContain(rounds[2], v => rounds[0].Any(earlier => earlier.Key == v.Key));
    }

    [Fact]
    public void The_closing_round_reads_only_the_tail()
    {
        var (scenario, _) = Generated(3, Damage.None);
        var (trader, exchange) = (scenario.TraderJournal.Count, scenario.ExchangeJournal.Count);

        var (running, _) = ReadInRounds(scenario, 0, [(trader / 2, exchange / 2), (trader - 2, exchange - 3)]);
        var report = running.Close(JournalScenario.Drained, Start.AddHours(1));

        Assert.Equal((3, 5L), (report.Rounds, report.LastRoundEventsRead));
        Assert.Equal((trader, (long)exchange), (report.TraderEventsRead, report.ExchangeEventsRead));
    }

    private static SymbolJournalFold Fold(JournalScenario scenario, long traderGapAt) => scenario.Fold(traderGapAt);

    /// <summary>A venue cut that holds every trade whose fill the trader journal's first <paramref name="traderCut"/>
    /// events applied (the trader's journal is read first), and maybe more.</summary>
    private static int ConsistentVenueCut(JournalScenario scenario, int traderCut, Random random)
    {
        var applied = scenario.TraderJournal.Take(traderCut).OfType<FillApplied>().Select(f => f.FillId).ToHashSet();
        var needed = scenario.ExchangeJournal.FindLastIndex(e =>
            e is TradeExecuted t && (applied.Contains(t.Buyer.FillId) || applied.Contains(t.Seller.FillId))) + 1;
        return needed + random.Next(scenario.ExchangeJournal.Count - needed + 1);
    }
}
