using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Faults;

public class FaultLedgerTests
{
    private static readonly Symbol Btc = new("BTC-USDT");
    private static readonly Symbol Eth = new("ETH-USDT");
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly FaultLedger ledger = new([Btc, Eth]);

    private static ScheduledFault Fault(int id, FaultKind kind, Symbol? symbol = null, StreamChannel? channel = null,
        double durationSeconds = 0) =>
        new(id, TimeSpan.FromSeconds(id), kind, symbol, channel, TimeSpan.FromSeconds(durationSeconds), 1,
            RecoveryDeadline: TimeSpan.FromSeconds(30));

    private FaultRecord Only() => Assert.Single(ledger.Report("test").Timeline);

    private void InjectAndApply(ScheduledFault fault, DateTimeOffset at)
    {
        ledger.Injected(fault, at);
        ledger.Applied(fault.Id, at);
    }

    [Fact]
    public void A_crash_recovers_when_the_crashed_entity_is_running_again_and_not_when_another_one_is()
    {
        InjectAndApply(Fault(1, FaultKind.TraderCrash, Btc), T0);

        ledger.Observe(new EntityRecovered(EntityKind.Trader, Eth, T0.AddSeconds(1)));
        ledger.Observe(new EntityRecovered(EntityKind.OrderBook, Btc, T0.AddSeconds(2)));
        Assert.Equal(FaultOutcome.Pending, Only().Outcome);

        ledger.Observe(new EntityRecovered(EntityKind.Trader, Btc, T0.AddSeconds(3)));
        Assert.Equal(FaultOutcome.Recovered, Only().Outcome);
        Assert.Equal(TimeSpan.FromSeconds(3), Only().TimeToRecover);
    }

    [Fact]
    public void An_exchange_crash_recovers_when_every_book_has_recovered()
    {
        InjectAndApply(Fault(1, FaultKind.ExchangeCrash), T0);

        ledger.Observe(new EntityRecovered(EntityKind.OrderBook, Btc, T0.AddSeconds(1)));
        Assert.Equal(FaultOutcome.Pending, Only().Outcome);

        ledger.Observe(new EntityRecovered(EntityKind.OrderBook, Eth, T0.AddSeconds(2)));
        Assert.Equal(T0.AddSeconds(2), Only().RecoveredAt);
    }

    [Fact]
    public void A_lasting_fault_cannot_recover_before_its_effect_is_over()
    {
        InjectAndApply(Fault(1, FaultKind.StreamSilence, Btc, StreamChannel.MarketData, durationSeconds: 8), T0);

        ledger.Observe(new StreamRestored(Btc, StreamChannel.MarketData, T0.AddSeconds(5)));
        Assert.Equal(FaultOutcome.Pending, Only().Outcome);

        ledger.Observe(new StreamRestored(Btc, StreamChannel.Account, T0.AddSeconds(9)));
        Assert.Equal(FaultOutcome.Pending, Only().Outcome);

        ledger.Observe(new StreamRestored(Btc, StreamChannel.MarketData, T0.AddSeconds(9)));
        Assert.Equal(FaultOutcome.Recovered, Only().Outcome);
    }

    [Fact]
    public void Request_faults_recover_on_the_next_completed_account_sync_of_their_symbol()
    {
        InjectAndApply(Fault(1, FaultKind.RequestTimeout, Eth), T0);
        ledger.Observe(new FaultEffectEnded(1, T0));

        ledger.Observe(new StreamRestored(Btc, StreamChannel.Account, T0.AddSeconds(1), RequestedAt: T0.AddSeconds(0.5)));
        ledger.Observe(new StreamRestored(Eth, StreamChannel.Account, T0.AddSeconds(2), RequestedAt: T0.AddSeconds(1.5)));

        Assert.Equal(T0.AddSeconds(2), Only().RecoveredAt);
    }

    [Fact]
    public void A_request_fault_is_not_recovered_by_a_sync_asked_for_before_its_last_request_was_broken()
    {
        InjectAndApply(Fault(1, FaultKind.RequestError, Eth), T0);

        // That sync may itself be one of the requests the fault breaks.
        ledger.Observe(new StreamRestored(Eth, StreamChannel.Account, T0.AddSeconds(1), RequestedAt: T0.AddSeconds(0.5)));
        ledger.Observe(new FaultEffectEnded(2, T0.AddSeconds(1)));
        Assert.Equal(FaultOutcome.Pending, Only().Outcome);

        ledger.Observe(new FaultEffectEnded(1, T0.AddSeconds(2)));
        ledger.Observe(new StreamRestored(Eth, StreamChannel.Account, T0.AddSeconds(3), RequestedAt: T0.AddSeconds(1.5)));
        Assert.Equal(FaultOutcome.Pending, Only().Outcome);

        ledger.Observe(new StreamRestored(Eth, StreamChannel.Account, T0.AddSeconds(4), RequestedAt: T0.AddSeconds(2.5)));
        Assert.Equal(T0.AddSeconds(4), Only().RecoveredAt);
        Assert.Equal(TimeSpan.FromSeconds(4), Only().TimeToRecover);
    }

    [Fact]
    public void An_account_sync_asked_for_before_the_fault_took_effect_does_not_prove_recovery()
    {
        InjectAndApply(Fault(1, FaultKind.StreamDrop, Btc, StreamChannel.Account), T0);

        ledger.Observe(new StreamRestored(Btc, StreamChannel.Account, T0.AddSeconds(1), RequestedAt: T0.AddSeconds(-0.1)));
        Assert.Equal(FaultOutcome.Pending, Only().Outcome);

        ledger.Observe(new StreamRestored(Btc, StreamChannel.Account, T0.AddSeconds(2), RequestedAt: T0.AddSeconds(1.2)));
        Assert.Equal(T0.AddSeconds(2), Only().RecoveredAt);
    }

    [Fact]
    public void A_duplicate_recovers_when_the_duplicate_is_ignored()
    {
        InjectAndApply(Fault(1, FaultKind.StreamDuplicate, Btc, StreamChannel.Account), T0);

        ledger.Observe(new DuplicateIgnored(Btc, StreamChannel.Account, T0.AddMilliseconds(5)));

        Assert.Equal(FaultOutcome.Recovered, Only().Outcome);
    }

    [Fact]
    public void A_database_outage_recovers_once_it_has_ended_and_every_entity_it_stopped_is_back()
    {
        InjectAndApply(Fault(1, FaultKind.DatabaseOutage, durationSeconds: 3), T0);

        ledger.Observe(new EntityStopped(EntityKind.Trader, Btc, T0.AddSeconds(1)));
        ledger.Observe(new EntityStopped(EntityKind.OrderBook, Eth, T0.AddSeconds(1)));
        ledger.Observe(new FaultEffectEnded(1, T0.AddSeconds(3)));
        ledger.Observe(new EntityRecovered(EntityKind.Trader, Btc, T0.AddSeconds(4)));
        Assert.Equal(FaultOutcome.Pending, Only().Outcome);

        ledger.Observe(new EntityRecovered(EntityKind.OrderBook, Eth, T0.AddSeconds(5)));
        Assert.Equal(T0.AddSeconds(5), Only().RecoveredAt);
    }

    [Fact]
    public void An_outage_whose_stopped_entity_was_back_before_it_ended_recovers_when_it_ends_whatever_the_order_of_the_news()
    {
        InjectAndApply(Fault(1, FaultKind.DatabaseOutage, durationSeconds: 3), T0);

        ledger.Observe(new EntityStopped(EntityKind.Trader, Btc, T0.AddSeconds(1)));
        ledger.Observe(new FaultEffectEnded(1, T0.AddSeconds(3)));
        ledger.Observe(new EntityRecovered(EntityKind.Trader, Btc, T0.AddSeconds(2.5)));

        Assert.Equal(T0.AddSeconds(3), Only().RecoveredAt);
    }

    [Fact]
    public void An_outage_that_stopped_nobody_recovers_when_it_ends()
    {
        InjectAndApply(Fault(1, FaultKind.DatabaseOutage, durationSeconds: 3), T0);

        ledger.Observe(new FaultEffectEnded(1, T0.AddSeconds(3)));

        Assert.Equal(T0.AddSeconds(3), Only().RecoveredAt);
    }

    [Fact]
    public void A_fault_past_its_deadline_is_missed_once_and_counted_as_not_recovered()
    {
        InjectAndApply(Fault(1, FaultKind.OrderBookCrash, Btc), T0);

        Assert.Empty(ledger.TakeMissed(T0.AddSeconds(29)));
        Assert.Single(ledger.TakeMissed(T0.AddSeconds(31)));
        Assert.Empty(ledger.TakeMissed(T0.AddSeconds(32)));

        ledger.Observe(new EntityRecovered(EntityKind.OrderBook, Btc, T0.AddSeconds(40)));
        var record = Only();
        Assert.Equal(FaultOutcome.Missed, record.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(40), record.TimeToRecover);
        var totals = Assert.Single(ledger.Report("test").Totals);
        Assert.Equal((1, 0, 1), (totals.Injected, totals.Recovered, totals.NotRecovered));
    }

    [Fact]
    public void A_fault_that_never_took_effect_is_reported_as_not_applied_and_has_no_deadline()
    {
        ledger.Injected(Fault(1, FaultKind.StreamDrop, Btc, StreamChannel.Account), T0);

        Assert.Empty(ledger.TakeMissed(T0.AddHours(1)));
        Assert.False(ledger.HasPending);
        var totals = Assert.Single(ledger.Report("test").Totals);
        Assert.Equal((0, 1), (totals.Injected, totals.NotApplied));
    }

    [Fact]
    public void Totals_give_median_and_max_time_to_recover_per_kind()
    {
        for (var i = 1; i <= 3; i++)
        {
            InjectAndApply(Fault(i, FaultKind.TraderCrash, Btc), T0.AddMinutes(i));
            ledger.Observe(new EntityRecovered(EntityKind.Trader, Btc, T0.AddMinutes(i).AddSeconds(i)));
        }

        var totals = Assert.Single(ledger.Report("test").Totals);
        Assert.Equal(3, totals.Recovered);
        Assert.Equal(TimeSpan.FromSeconds(2), totals.MedianTimeToRecover);
        Assert.Equal(TimeSpan.FromSeconds(3), totals.MaxTimeToRecover);
        Assert.False(ledger.HasPending);
    }

    [Fact]
    public void The_median_of_an_even_number_of_recoveries_is_the_mean_of_the_middle_two()
    {
        for (var i = 1; i <= 2; i++)
        {
            InjectAndApply(Fault(i, FaultKind.TraderCrash, Btc), T0.AddMinutes(i));
            ledger.Observe(new EntityRecovered(EntityKind.Trader, Btc, T0.AddMinutes(i).AddSeconds(i * 2)));
        }

        var totals = Assert.Single(ledger.Report("test").Totals);
        Assert.Equal(TimeSpan.FromSeconds(3), totals.MedianTimeToRecover);
        Assert.Equal(TimeSpan.FromSeconds(4), totals.MaxTimeToRecover);
    }

    [Fact]
    public void Observe_returns_the_faults_a_signal_ends()
    {
        InjectAndApply(Fault(1, FaultKind.TraderCrash, Btc), T0);
        InjectAndApply(Fault(2, FaultKind.OrderBookCrash, Btc), T0);

        var ended = ledger.Observe(new EntityRecovered(EntityKind.Trader, Btc, T0.AddSeconds(1)));

        Assert.Equal([1], ended.Select(f => f.Id));
        Assert.True(ledger.HasPending);
    }

    [Fact]
    public void Closing_the_ledger_turns_pending_faults_into_missed_ones()
    {
        InjectAndApply(Fault(1, FaultKind.TraderCrash, Btc), T0);

        var missed = ledger.Close();

        Assert.Equal(FaultOutcome.Missed, Assert.Single(missed).Outcome);
        Assert.False(ledger.HasPending);
        Assert.Empty(ledger.Close());
    }

    [Fact]
    public void A_signal_that_arrives_before_the_news_that_its_fault_took_effect_still_ends_it()
    {
        ledger.Injected(Fault(1, FaultKind.StreamReorder, Btc, StreamChannel.MarketData), T0);

        // The trader's resync is announced on the event stream; the venue's word that it reordered comes directly.
        ledger.Observe(new StreamRestored(Btc, StreamChannel.MarketData, T0.AddMilliseconds(3)));
        var record = ledger.Applied(1, T0.AddMilliseconds(1));

        Assert.Equal(FaultOutcome.Recovered, record?.Outcome);
        Assert.Equal(TimeSpan.FromMilliseconds(2), Only().TimeToRecover);
    }

    [Fact]
    public void A_signal_from_before_the_fault_took_effect_does_not_end_it_whenever_it_arrives()
    {
        ledger.Injected(Fault(1, FaultKind.StreamReorder, Btc, StreamChannel.MarketData), T0);

        ledger.Observe(new StreamRestored(Btc, StreamChannel.MarketData, T0.AddMilliseconds(1)));
        ledger.Applied(1, T0.AddMilliseconds(2));

        Assert.Equal(FaultOutcome.Pending, Only().Outcome);
    }

    [Fact]
    public void Signals_are_kept_for_the_lead_only()
    {
        var withLead = new FaultLedger([Btc, Eth], signalLead: TimeSpan.FromSeconds(2));
        withLead.Injected(Fault(1, FaultKind.StreamDrop, Btc, StreamChannel.MarketData), T0);

        withLead.Observe(new StreamRestored(Btc, StreamChannel.MarketData, T0.AddSeconds(1)));
        withLead.Observe(new StreamRestored(Eth, StreamChannel.MarketData, T0.AddSeconds(3.5)));
        withLead.Applied(1, T0);

        Assert.Equal(FaultOutcome.Pending, Assert.Single(withLead.Report("test").Timeline).Outcome);
    }

    [Fact]
    public void A_silence_whose_holder_stopped_is_over_and_recovers_on_the_next_restoration()
    {
        InjectAndApply(Fault(1, FaultKind.StreamSilence, Btc, StreamChannel.MarketData, durationSeconds: 8), T0);

        ledger.Observe(new FaultEffectEnded(1, T0.AddSeconds(2)));
        ledger.Observe(new StreamRestored(Btc, StreamChannel.MarketData, T0.AddSeconds(2.5)));

        Assert.Equal(T0.AddSeconds(2.5), Only().RecoveredAt);
    }

    [Fact]
    public void An_end_told_after_the_planned_one_does_not_lengthen_a_silence()
    {
        InjectAndApply(Fault(1, FaultKind.StreamSilence, Btc, StreamChannel.MarketData, durationSeconds: 8), T0);

        ledger.Observe(new FaultEffectEnded(1, T0.AddSeconds(10)));
        ledger.Observe(new StreamRestored(Btc, StreamChannel.MarketData, T0.AddSeconds(9)));

        Assert.Equal(T0.AddSeconds(9), Only().RecoveredAt);
    }

    [Fact]
    public void Faults_that_never_took_effect_are_armed_again_when_the_entity_holding_them_is_back()
    {
        ledger.Injected(Fault(1, FaultKind.TraderCrash, Btc), T0);
        ledger.Injected(Fault(2, FaultKind.StreamDrop, Btc, StreamChannel.Account), T0);
        ledger.Injected(Fault(3, FaultKind.RequestError, Btc), T0);
        ledger.Injected(Fault(4, FaultKind.StreamDrop, Eth, StreamChannel.Account), T0);
        InjectAndApply(Fault(5, FaultKind.StreamReorder, Btc, StreamChannel.MarketData), T0);

        Assert.Equal([2, 3], ledger.ToRearm(new EntityRecovered(EntityKind.OrderBook, Btc, T0.AddSeconds(1))).Select(f => f.Id));
        Assert.Equal([1], ledger.ToRearm(new EntityRecovered(EntityKind.Trader, Btc, T0.AddSeconds(1))).Select(f => f.Id));
    }

    [Fact]
    public void A_fault_injected_after_its_target_started_reached_it_and_is_not_armed_twice()
    {
        ledger.Injected(Fault(1, FaultKind.TraderCrash, Btc), T0);

        // The trader started before the crash was sent and announces its recovery (after its first sync) before
        // taking the crash waiting in its mailbox.
        var recovered = new EntityRecovered(EntityKind.Trader, Btc, T0.AddSeconds(1), StartedAt: T0.AddSeconds(-1));

        Assert.Empty(ledger.ToRearm(recovered));
    }
}
