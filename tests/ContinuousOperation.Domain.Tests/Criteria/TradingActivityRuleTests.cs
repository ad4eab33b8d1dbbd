using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;
using static ContinuousOperation.Domain.Tests.Criteria.RunFixtures;

namespace ContinuousOperation.Domain.Tests.Criteria;

public sealed class TradingActivityRuleTests
{
    // Stated here rather than taken from the defaults, which are tuned by measurement and may move.
    private static readonly CriteriaThresholds Defaults =
        new(MinOrdersPerSymbolMinute: 1, MinFillsPerSymbolMinute: 1) { MaxSymbolSilence = TimeSpan.FromMinutes(5) };
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    /// <summary>Ten wall minutes at speed 1: ten simulated minutes.</summary>
    private static TradingActivity Activity(params SymbolActivity[] symbols) => new(TenMinutes, TenMinutes, symbols);

    private static SymbolActivity Healthy(string symbol) => new(new Symbol(symbol), 300, 280, TimeSpan.FromSeconds(15));

    [Fact]
    public void Symbols_that_trade_steadily_pass_and_the_note_names_the_slowest_and_the_quietest()
    {
        var result = TradingActivityRule.Judge(Defaults, Activity(
            Healthy("BTC-USDT"), new SymbolActivity(new Symbol("ETH-USDT"), 40, 30, TimeSpan.FromSeconds(50))));

        Assert.True(result.Result is CriterionOutcome.Pass, result.Note);
        Assert.Equal((SuccessCriteria.TradingActive, 0d, 0d), (result.Name, result.Observed, result.Threshold));
        Assert.Contains("slowest ETH-USDT 4 orders and 3 fills per simulated min", result.Note);
        Assert.Contains("longest silence ETH-USDT 50 s (limit 300 s)", result.Note);
    }

    [Fact]
    public void A_symbol_silent_for_longer_than_the_limit_fails_and_is_named()
    {
        var result = TradingActivityRule.Judge(Defaults, Activity(
            Healthy("BTC-USDT"), new SymbolActivity(new Symbol("ETH-USDT"), 300, 280, TimeSpan.FromMinutes(6))));

        Assert.Equal(CriterionOutcome.Fail, result.Result);
        Assert.Equal(1, result.Observed);
        Assert.StartsWith("ETH-USDT: silent for 360 s (limit 300 s)", result.Note);
        Assert.DoesNotContain("BTC-USDT", result.Note);
    }

    [Theory]
    [InlineData(9, 300)]
    [InlineData(300, 9)]
    public void A_symbol_trading_below_either_floor_fails_and_is_named(long orders, long fills)
    {
        var result = TradingActivityRule.Judge(Defaults, Activity(
            Healthy("BTC-USDT"), new SymbolActivity(new Symbol("SOL-USDT"), orders, fills, TimeSpan.FromSeconds(20))));

        Assert.Equal(CriterionOutcome.Fail, result.Result);
        Assert.Equal(1, result.Observed);
        Assert.StartsWith("SOL-USDT: ", result.Note);
        Assert.Contains("(floors 1 and 1)", result.Note);
    }

    [Fact]
    public void A_rate_exactly_at_the_floor_passes()
    {
        var floors = new CriteriaThresholds(MinOrdersPerSymbolMinute: 2, MinFillsPerSymbolMinute: 3);

        var result = TradingActivityRule.Judge(floors, Activity(new SymbolActivity(new Symbol("BTC-USDT"), 20, 30, TimeSpan.FromSeconds(20))));

        Assert.True(result.Result is CriterionOutcome.Pass, result.Note);
    }

    [Fact]
    public void Rates_are_per_simulated_minute_so_the_same_counts_at_a_higher_speed_are_slower()
    {
        var btc = new SymbolActivity(new Symbol("BTC-USDT"), 20, 20, TimeSpan.FromSeconds(20));

        Assert.True(TradingActivityRule.Judge(Defaults, new TradingActivity(TenMinutes, TenMinutes, [btc])).Result is CriterionOutcome.Pass);
        Assert.Equal(CriterionOutcome.Fail, TradingActivityRule.Judge(Defaults, new TradingActivity(TenMinutes, TenMinutes * 60, [btc])).Result);
    }

    [Fact]
    public void Every_symbol_that_did_not_trade_is_named_and_counted()
    {
        var result = TradingActivityRule.Judge(Defaults, Activity(
            new SymbolActivity(new Symbol("BTC-USDT"), 0, 0, TenMinutes), Healthy("ETH-USDT"),
            new SymbolActivity(new Symbol("SOL-USDT"), 0, 0, TenMinutes)));

        Assert.Equal(CriterionOutcome.Fail, result.Result);
        Assert.Equal(2, result.Observed);
        Assert.Contains("BTC-USDT: never traded", result.Note);
        Assert.Contains("SOL-USDT: never traded", result.Note);
        Assert.Contains("silent for 600 s", result.Note);
    }

    [Fact]
    public void A_run_whose_activity_was_not_recorded_fails_rather_than_passing_unexamined()
    {
        Assert.Equal(CriterionOutcome.Fail, TradingActivityRule.Judge(Defaults, null).Result);
        Assert.Equal(CriterionOutcome.Fail, TradingActivityRule.Judge(Defaults, TradingActivity.None).Result);
    }

    [Fact]
    public void Zero_floors_and_a_long_limit_switch_the_rule_off()
    {
        var off = new CriteriaThresholds(MinOrdersPerSymbolMinute: 0, MinFillsPerSymbolMinute: 0) { MaxSymbolSilence = TimeSpan.FromHours(1) };

        Assert.True(TradingActivityRule.Judge(off, Activity(new SymbolActivity(new Symbol("BTC-USDT"), 0, 0, TenMinutes))).Result is CriterionOutcome.Pass);
    }

    [Fact]
    public void A_symbol_that_traded_until_the_drain_passes_however_long_the_drain_and_reconciliation_take()
    {
        var tracker = new TradingActivityTracker([new Symbol("BTC-USDT")], Start, speed: 1);
        for (var second = 1; second <= 600; second += 5)
        {
            tracker.Record(new Symbol("BTC-USDT"), TradingCounter.OrdersPlaced, 1, Start.AddSeconds(second));
            tracker.Record(new Symbol("BTC-USDT"), TradingCounter.FillsApplied, 1, Start.AddSeconds(second));
        }

        tracker.Close(Start.AddSeconds(600));
        var result = SuccessCriteria.Trading(Defaults, Metrics(TimeSpan.FromMinutes(30)) with { Activity = tracker.Snapshot(Start.AddMinutes(30)) });

        Assert.True(result.Result is CriterionOutcome.Pass, result.Note);
    }
}
