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
}
