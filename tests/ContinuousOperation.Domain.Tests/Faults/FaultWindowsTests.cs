using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Faults;

public class FaultWindowsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly Symbol Btc = new("BTC-USDT");
    private readonly FaultWindows windows = new(grace: TimeSpan.FromSeconds(5), lead: TimeSpan.FromSeconds(2));

    private static ErrorRecord Error(double seconds, string source, ErrorSeverity severity = ErrorSeverity.Error) =>
        new(T0.AddSeconds(seconds), ErrorKind.Api, severity, source, "no reply");

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    /// <summary>How the error ends up classified once nothing more can change it.</summary>
    private ErrorSeverity Final(ErrorRecord error)
    {
        windows.Add(error);
        return Assert.Single(windows.SettleAll()).Severity;
    }

    [Fact]
    public void Faults_in_effect_are_those_opened_and_not_yet_closed()
    {
        windows.Opened(1, FaultKind.RequestTimeout, Btc, T0);
        windows.Opened(2, FaultKind.DatabaseOutage, null, T0);
        windows.Opened(1, FaultKind.RequestTimeout, Btc, At(1));
        Assert.Equal(2, windows.InEffect);

        windows.Closed(1, At(3));
        windows.Closed(9, At(3));
        Assert.Equal(1, windows.InEffect);
    }

    [Fact]
    public void An_error_in_the_faults_symbol_is_explained_while_it_is_open_and_for_the_grace_period_after()
    {
        windows.Opened(1, FaultKind.RequestTimeout, Btc, T0);
        windows.Closed(1, At(10));

        Assert.Equal(ErrorSeverity.Injected, Final(Error(3, "trader-BTC-USDT")));
        Assert.Equal(ErrorSeverity.Injected, Final(Error(14, "trader-BTC-USDT")));
        Assert.Equal(ErrorSeverity.Error, Final(Error(16, "trader-BTC-USDT")));
    }

    [Fact]
    public void A_node_fault_explains_late_errors_for_its_own_longer_grace_and_no_other_fault_does()
    {
        var cluster = new FaultWindows(grace: TimeSpan.FromSeconds(5), lead: TimeSpan.FromSeconds(2), nodeFaultGrace: TimeSpan.FromSeconds(60));
        cluster.Opened(1, FaultKind.NodeKill, null, T0);
        cluster.Closed(1, At(10));
        cluster.Opened(2, FaultKind.TraderCrash, Btc, At(100));
        cluster.Closed(2, At(110));

        ErrorSeverity FinalIn(ErrorRecord error)
        {
            cluster.Add(error);
            return Assert.Single(cluster.SettleAll()).Severity;
        }

        Assert.Equal(ErrorSeverity.Injected, FinalIn(Error(65, "trader-ETH-USDT"))); // a rebalance's handoff, 55 s on
        Assert.Equal(ErrorSeverity.Error, FinalIn(Error(75, "trader-ETH-USDT")));
        Assert.Equal(ErrorSeverity.Error, FinalIn(Error(120, "trader-BTC-USDT"))); // the crash keeps its 5 s
    }

    [Fact]
    public void Errors_well_before_the_fault_or_from_other_symbols_are_not_explained()
    {
        windows.Opened(1, FaultKind.TraderCrash, Btc, T0);

        Assert.Equal(ErrorSeverity.Error, Final(Error(-3, "trader-BTC-USDT")));
        Assert.Equal(ErrorSeverity.Error, Final(Error(1, "trader-ETH-USDT")));
    }

    [Fact]
    public void An_error_that_arrives_just_before_its_faults_window_is_held_and_then_explained_by_it()
    {
        windows.Add(Error(0, "trader-BTC-USDT"));
        Assert.Empty(windows.Settle(At(0.5)));

        windows.Opened(1, FaultKind.RequestError, Btc, At(1));

        Assert.Equal(ErrorSeverity.Injected, Assert.Single(windows.Settle(At(1))).Severity);
    }

    [Fact]
    public void An_error_no_window_explains_is_final_once_it_has_waited_the_lead_and_not_before()
    {
        windows.Add(Error(0, "trader-BTC-USDT"));

        Assert.Empty(windows.Settle(At(1.9)));
        Assert.Equal(ErrorSeverity.Error, Assert.Single(windows.Settle(At(2))).Severity);
        Assert.Empty(windows.Settle(At(3)));
    }

    [Fact]
    public void Explained_errors_are_final_at_once()
    {
        windows.Opened(1, FaultKind.RequestTimeout, Btc, T0);
        windows.Add(Error(1, "trader-BTC-USDT"));

        Assert.Equal(ErrorSeverity.Injected, Assert.Single(windows.Settle(At(1))).Severity);
    }

    [Fact]
    public void Venue_wide_faults_explain_errors_from_anywhere()
    {
        windows.Opened(1, FaultKind.DatabaseOutage, symbol: null, T0);

        Assert.Equal(ErrorSeverity.Injected, Final(Error(1, "exchange-ETH-USDT")));
        Assert.Equal(ErrorSeverity.Injected, Final(Error(1, "trader-SOL-USDT")));
    }

    [Fact]
    public void Critical_errors_are_never_explained_by_a_fault_and_are_final_at_once()
    {
        windows.Opened(1, FaultKind.ExchangeCrash, symbol: null, T0);
        windows.Add(Error(1, "journal BTC-USDT", ErrorSeverity.Critical));

        Assert.Equal(ErrorSeverity.Critical, Assert.Single(windows.Settle(At(1))).Severity);
    }

    [Fact]
    public void A_fault_missing_its_deadline_is_an_error_even_inside_its_own_window()
    {
        windows.Opened(1, FaultKind.DatabaseOutage, symbol: null, T0);
        windows.Add(new ErrorRecord(At(50), ErrorKind.Fault, ErrorSeverity.Error, "database",
            "fault #1 database-outage not recovered within its deadline"));

        Assert.Equal(ErrorSeverity.Error, Assert.Single(windows.Settle(At(50))).Severity);
    }
}
