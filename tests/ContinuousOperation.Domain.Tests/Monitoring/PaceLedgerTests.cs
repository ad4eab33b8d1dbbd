using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Reporting;

namespace ContinuousOperation.Domain.Tests.Monitoring;

public sealed class PaceLedgerTests
{
    private static readonly Symbol Btc = new("BTC-USDT");
    private static readonly Symbol Eth = new("ETH-USDT");
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);

    private static LagEpisode Skipped(Symbol symbol, double atSeconds, long skipped, double behindSeconds) =>
        new(PacePart.TraderDecisions, symbol, Start.AddSeconds(atSeconds), TimeSpan.Zero, TimeSpan.FromSeconds(behindSeconds), skipped, CaughtUp: true);

    [Fact]
    public void Skips_reported_wake_up_after_wake_up_are_one_episode_per_symbol()
    {
        var ledger = new PaceLedger(maxEpisodes: 10);

        Assert.True(ledger.Record(Skipped(Btc, 0, 10, 50)));
        Assert.False(ledger.Record(Skipped(Btc, 1, 5, 80)));
        Assert.True(ledger.Record(Skipped(Eth, 1, 3, 10)));
        Assert.True(ledger.Record(Skipped(Btc, 10, 1, 5))); // more than the merge gap later: a new episode

        var record = ledger.Record();
        Assert.Equal(3, record.Totals.Episodes);
        Assert.Equal(19, record.Totals.DecisionsSkipped);
        Assert.Equal(TimeSpan.FromSeconds(80), record.Totals.MaxBehind);
        var first = record.Episodes[0];
        Assert.Equal((15L, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(80)), (first.DecisionsSkipped, first.Duration, first.MaxBehind));
    }

    [Fact]
    public void Episodes_beyond_the_cap_are_not_kept_but_still_counted()
    {
        var ledger = new PaceLedger(maxEpisodes: 2);
        for (var i = 0; i < 5; i++) ledger.Record(Skipped(Btc, i * 10, 1, 1));

        var record = ledger.Record();
        Assert.Equal(2, record.Episodes.Count);
        Assert.Equal(5, record.Totals.Episodes);
    }

    [Fact]
    public void A_lag_that_goes_on_after_the_cap_is_reached_is_still_one_episode()
    {
        var ledger = new PaceLedger(maxEpisodes: 1);
        ledger.Record(Skipped(Btc, 0, 1, 1));
        for (var i = 0; i < 10; i++) ledger.Record(Skipped(Eth, i, 1, 1)); // one episode of ETH, not kept

        Assert.Equal(2, ledger.Totals.Episodes);
        Assert.Equal(11, ledger.Totals.DecisionsSkipped);
    }

    [Fact]
    public void Lagging_time_is_wall_time_symbols_that_lag_together_count_once()
    {
        var ledger = new PaceLedger(maxEpisodes: 10);
        ledger.Record(Market(Btc, atSeconds: 0, seconds: 10));
        ledger.Record(Market(Eth, atSeconds: 5, seconds: 10)); // overlaps BTC's by 5 s
        ledger.Record(Market(Eth, atSeconds: 6, seconds: 2)); // inside what is counted already
        ledger.Record(Market(Btc, atSeconds: 30, seconds: 1));
        ledger.Record(Skipped(Btc, 40, 1, 1)); // a skip is an instant: no wall time

        Assert.Equal(TimeSpan.FromSeconds(16), ledger.Totals.Lagging);
        Assert.Equal(4, ledger.Totals.Episodes);
    }

    [Fact]
    public void A_cluster_adds_up_episodes_and_skips_and_keeps_the_worst_lag_and_the_earliest_episodes()
    {
        var first = new PaceLedger(maxEpisodes: 10);
        first.Record(Skipped(Btc, 10, 4, 3));
        first.Record(Market(Eth, atSeconds: 0, seconds: 6));
        var second = new PaceLedger(maxEpisodes: 10);
        second.Record(Skipped(Eth, 5, 2, 9));

        var merged = PaceRecord.Merge([first.Record(), second.Record()], maxEpisodes: 2)!;

        Assert.Equal((3, 6L, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(6)),
            (merged.Totals.Episodes, merged.Totals.DecisionsSkipped, merged.Totals.MaxBehind, merged.Totals.Lagging));
        Assert.Equal([Start, Start.AddSeconds(5)], merged.Episodes.Select(e => e.Start));
        Assert.Null(PaceRecord.Merge([], maxEpisodes: 2));
    }

    private static LagEpisode Market(Symbol symbol, double atSeconds, double seconds) =>
        new(PacePart.Market, symbol, Start.AddSeconds(atSeconds), TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(2), 0, CaughtUp: true);

    [Fact]
    public void The_report_line_says_whether_the_run_kept_its_speed()
    {
        var ledger = new PaceLedger(maxEpisodes: 10);
        Assert.StartsWith("kept speed 400x", PaceSection.From(400, ledger.Record()).Line);

        ledger.Record(Skipped(Btc, 0, 10, 50));
        var pace = PaceSection.From(400, ledger.Record());

        Assert.True(pace.FellBehind);
        Assert.Contains("fell behind speed 400x", pace.Line);
        Assert.Contains("trader decisions of 1 symbol(s)", pace.Line);
    }

    [Fact]
    public void The_report_line_gives_the_traders_activity_in_simulated_time()
    {
        // 10 symbols, 2 wall minutes at speed 400: 800 simulated minutes.
        var rate = PaceSection.OrderRate(ordersPlaced: 70_400, symbols: 10, simulated: TimeSpan.FromMinutes(800));

        Assert.Equal(8.8, rate!.Value, precision: 9);
        Assert.EndsWith("; 8.8 orders per symbol per simulated minute", PaceSection.From(400, new PaceLedger(10).Record(), rate).Line);
        Assert.Null(PaceSection.OrderRate(100, symbols: 10, simulated: TimeSpan.Zero));
        Assert.Null(PaceSection.OrderRate(100, symbols: 0, simulated: TimeSpan.FromMinutes(1)));
    }
}
