using Akka.Actor;
using ContinuousOperation.Actors.Faults;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Actors.Tests.Support;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Trading;
using static ContinuousOperation.Actors.Tests.Faults.VenueHarness;

namespace ContinuousOperation.Actors.Tests.Faults;

/// <summary>
/// Injects one fault through the real injector into a trading venue, and checks that the system recovers by its own
/// mechanism (the evidence the metrics see: a reconnect, a resync, an error reply counted…), that trading goes on,
/// and that afterwards the journals reconcile and the trader holds exactly the venue's fills — the state it would
/// have had without the fault.
/// </summary>
public abstract class FaultRecoveryTestKit : SqliteTestKit
{
    protected static object?[] Case(FaultKind kind, StreamChannel? channel, string evidence) => [kind, channel, evidence];

    protected async Task RecoversFrom(FaultKind kind, StreamChannel? channel, string evidence)
    {
        var venue = new VenueHarness(this);
        venue.Start(new DefaultStrategy(Btc, Busy));
        await venue.AwaitFillsBeyond(2);

        var fault = new ScheduledFault(1, TimeSpan.Zero, kind, kind.TargetsSymbol() ? Btc.Symbol : null, channel,
            Duration: kind switch
            {
                FaultKind.StreamSilence => TimeSpan.FromSeconds(4),
                FaultKind.DatabaseOutage => TimeSpan.FromSeconds(2),
                _ => TimeSpan.Zero,
            },
            Count: 2, RecoveryDeadline: TimeSpan.FromSeconds(30));
        var injector = venue.InjectFaults(new FaultInjectorSettings("test", [fault], Speed: 5, [Btc.Symbol]),
            new SqliteWriteLock(Journal.ConnectionString));

        await AwaitAssertAsync(async () =>
        {
            var report = await injector.Ask<FaultReport>(GetFaultReport.Instance, TimeSpan.FromSeconds(3));
            Assert.Equal(FaultOutcome.Recovered, Assert.Single(report.Timeline).Outcome);
        }, TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(200));
        if (evidence != "") venue.Metrics.FishForMessage<object>(m => Evidence(m, evidence), TimeSpan.FromSeconds(5));

        await venue.AwaitFillsBeyond(await venue.JournaledFills());
        var consistency = await venue.DrainAndReconcile();
        Assert.True(consistency.IsValid, Describe(consistency));
        await venue.AssertTraderSeesEveryVenueFill();
    }

    private static bool Evidence(object message, string evidence) => message switch
    {
        CountTrading count => count.Counter.ToString() == evidence,
        ReportError error => $"{error.Kind}Error" == evidence,
        _ => false,
    };

    protected const string Reconnect = nameof(TradingCounter.WebsocketReconnects);
    protected const string Resync = nameof(TradingCounter.StreamResyncs);
    protected const string ApiError = nameof(ErrorKind.Api) + "Error";
    protected const string DatabaseError = nameof(ErrorKind.Database) + "Error";
    protected const string RecoverySignalOnly = "";
}

public class CrashAndRequestFaultTests : FaultRecoveryTestKit
{
    public static IEnumerable<object?[]> Faults =>
    [
        Case(FaultKind.TraderCrash, null, RecoverySignalOnly),
        Case(FaultKind.OrderBookCrash, null, Reconnect),
        Case(FaultKind.ExchangeCrash, null, Reconnect),
        Case(FaultKind.RequestTimeout, null, ApiError),
        Case(FaultKind.RequestError, null, ApiError),
        Case(FaultKind.DatabaseOutage, null, DatabaseError),
    ];

    [Theory]
    [MemberData(nameof(Faults))]
    public Task The_system_recovers_and_the_journals_reconcile(FaultKind kind, StreamChannel? channel, string evidence) =>
        RecoversFrom(kind, channel, evidence);
}

public class StreamFaultTests : FaultRecoveryTestKit
{
    public static IEnumerable<object?[]> Faults =>
    [
        Case(FaultKind.StreamDisconnect, StreamChannel.MarketData, Reconnect),
        Case(FaultKind.StreamDrop, StreamChannel.MarketData, Resync),
        Case(FaultKind.StreamDuplicate, StreamChannel.MarketData, RecoverySignalOnly),
        Case(FaultKind.StreamReorder, StreamChannel.MarketData, Resync),
        Case(FaultKind.StreamSilence, StreamChannel.MarketData, Reconnect),
        Case(FaultKind.StreamDisconnect, StreamChannel.Account, Reconnect),
        Case(FaultKind.StreamDrop, StreamChannel.Account, RecoverySignalOnly),
        Case(FaultKind.StreamDuplicate, StreamChannel.Account, RecoverySignalOnly),
        Case(FaultKind.StreamReorder, StreamChannel.Account, RecoverySignalOnly),
        // A busy trader re-syncs through its own rejected cancels before the silence timer fires: the sync is the recovery.
        Case(FaultKind.StreamSilence, StreamChannel.Account, RecoverySignalOnly),
    ];

    [Theory]
    [MemberData(nameof(Faults))]
    public Task The_system_recovers_and_the_journals_reconcile(FaultKind kind, StreamChannel? channel, string evidence) =>
        RecoversFrom(kind, channel, evidence);
}
