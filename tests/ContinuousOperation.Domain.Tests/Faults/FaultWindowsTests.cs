using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Tests.Faults;

public class FaultWindowsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly Symbol Btc = new("BTC-USDT");
    private readonly FaultWindows windows = new(grace: TimeSpan.FromSeconds(5));

    private static ErrorRecord Error(double seconds, string source, ErrorSeverity severity = ErrorSeverity.Error) =>
        new(T0.AddSeconds(seconds), ErrorKind.Api, severity, source, "no reply");

    [Fact]
    public void An_error_in_the_faults_symbol_is_explained_while_it_is_open_and_for_the_grace_period_after()
    {
        windows.Opened(1, FaultKind.RequestTimeout, Btc, T0);
        windows.Closed(1, T0.AddSeconds(10));

        Assert.True(windows.Explain(Error(3, "trader-BTC-USDT")));
        Assert.True(windows.Explain(Error(14, "trader-BTC-USDT")));
        Assert.False(windows.Explain(Error(16, "trader-BTC-USDT")));
    }

    [Fact]
    public void Errors_before_the_fault_or_from_other_symbols_are_not_explained()
    {
        windows.Opened(1, FaultKind.TraderCrash, Btc, T0);

        Assert.False(windows.Explain(Error(-1, "trader-BTC-USDT")));
        Assert.False(windows.Explain(Error(1, "trader-ETH-USDT")));
    }

    [Fact]
    public void Venue_wide_faults_explain_errors_from_anywhere()
    {
        windows.Opened(1, FaultKind.DatabaseOutage, symbol: null, T0);

        Assert.True(windows.Explain(Error(1, "exchange-ETH-USDT")));
        Assert.True(windows.Explain(Error(1, "trader-SOL-USDT")));
    }

    [Fact]
    public void Critical_errors_are_never_explained_by_a_fault()
    {
        windows.Opened(1, FaultKind.ExchangeCrash, symbol: null, T0);

        Assert.False(windows.Explain(Error(1, "journal BTC-USDT", ErrorSeverity.Critical)));
    }

    [Fact]
    public void A_fault_missing_its_deadline_is_an_error_even_inside_its_own_window()
    {
        windows.Opened(1, FaultKind.DatabaseOutage, symbol: null, T0);

        var missed = new ErrorRecord(T0.AddSeconds(50), ErrorKind.Fault, ErrorSeverity.Error, "database",
            "fault #1 database-outage not recovered within its deadline");

        Assert.False(windows.Explain(missed));
    }
}
