using Akka.Actor;
using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Tests.Consistency;

public sealed class ContinuousReconciliationTests : SqliteTestKit
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);
    private static readonly JournalExpectation Unfinished = new(TestRun.Id, [BtcJournals.Symbol], Drained: false);
    private static readonly string TraderJournal = JournalNames.Trader(TestRun.Id, BtcJournals.Symbol);
    private static readonly string ExchangeJournal = JournalNames.Exchange(TestRun.Id, BtcJournals.Symbol);

    [Fact]
    public async Task A_fill_applied_twice_mid_run_is_reported_by_the_next_round_and_the_end_reads_only_the_tail()
    {
        var metrics = CreateTestProbe();
        var consistency = Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId, metrics.Ref));
        var venueUntilClose = BtcJournals.ExchangeJournal()[..^1];
        await TestJournal.WriteAsync(Sys, TraderJournal, BtcJournals.TraderJournal());
        await TestJournal.WriteAsync(Sys, ExchangeJournal, venueUntilClose);

        var clean = await consistency.Ask<RoundReconciled>(new ReconcileRound(Unfinished), ReadTimeout);
        Assert.Empty(clean.NewViolations);
        Assert.Equal(BtcJournals.TraderJournal().Length + venueUntilClose.Length, clean.EventsRead);
        Assert.False(metrics.HasMessages);

        // Mid-run, the trader applies its fill a second time.
        await TestJournal.WriteAsync(Sys, TraderJournal, BtcJournals.TraderJournal().OfType<FillApplied>().Single());
        var corrupt = await consistency.Ask<RoundReconciled>(new ReconcileRound(Unfinished), ReadTimeout);

        Assert.Equal(1, corrupt.EventsRead); // read on from where the last round stopped
        // Also an over-filled order in the trader's own ledger.
        var duplicate = Assert.Single(corrupt.NewViolations, v => v.Invariant == Invariant.FillsExactlyOnce);
        Assert.Contains(BtcJournals.TraderFill.Value, duplicate.Ids);
        var reported = Drain(metrics);
        Assert.Equal(corrupt.NewViolations.Count, reported.Count);
        Assert.All(reported, e => Assert.Equal((ErrorKind.Consistency, ErrorSeverity.Critical), (e.Kind, e.Severity)));
        Assert.Contains(reported, e => e.Message.StartsWith(nameof(Invariant.FillsExactlyOnce), StringComparison.Ordinal));

        // The run ends: the books close, and the end-of-run check reads the tail only.
        await TestJournal.WriteAsync(Sys, ExchangeJournal, BtcJournals.ExchangeJournal()[^1]);
        var report = await consistency.Ask<ConsistencyReport>(TestRun.Reconcile(BtcJournals.Symbol), ReadTimeout);

        Assert.Equal((3, 1L), (report.Rounds, report.LastRoundEventsRead));
        Assert.Equal(BtcJournals.TraderJournal().Length + 1, report.TraderEventsRead);
        var atEnd = report.Invariants.Single(i => i.Invariant == Invariant.FillsExactlyOnce).Violations.Single();
        Assert.Equal(duplicate.FoundAt, atEnd.FoundAt);
        // What the close found for the first time is reported then; the duplicate, found before, is not reported again.
        var reportedAtEnd = Drain(metrics);
        Assert.DoesNotContain(reportedAtEnd, e => e.Message.StartsWith(nameof(Invariant.FillsExactlyOnce), StringComparison.Ordinal));
        Assert.Equal(report.Invariants.Sum(i => i.Violations.Count) - corrupt.NewViolations.Count, reportedAtEnd.Count);
    }

    /// <summary>What the consistency actor reported before its reply: it tells metrics first, so all of it is queued.</summary>
    private static List<ReportError> Drain(Akka.TestKit.TestProbe metrics)
    {
        var reported = new List<ReportError>();
        while (metrics.HasMessages) reported.Add(metrics.ExpectMsg<ReportError>());
        return reported;
    }

    [Fact]
    public async Task After_the_run_ends_a_new_check_of_it_reads_everything_again()
    {
        await TestJournal.WriteAsync(Sys, TraderJournal, BtcJournals.TraderJournal());
        await TestJournal.WriteAsync(Sys, ExchangeJournal, BtcJournals.ExchangeJournal());
        var consistency = Sys.ActorOf(ConsistencyActor.Props(TempSqliteJournal.ReadJournalPluginId));
        await consistency.Ask<RoundReconciled>(new ReconcileRound(Unfinished), ReadTimeout);
        await consistency.Ask<ConsistencyReport>(TestRun.Reconcile(BtcJournals.Symbol), ReadTimeout);

        var again = await consistency.Ask<ConsistencyReport>(TestRun.Reconcile(BtcJournals.Symbol), ReadTimeout);

        Assert.True(again.IsValid);
        var all = BtcJournals.TraderJournal().Length + BtcJournals.ExchangeJournal().Length;
        Assert.Equal((1, (long)all), (again.Rounds, again.LastRoundEventsRead));
    }
}
