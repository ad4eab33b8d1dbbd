using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Tests.Monitoring;

public sealed class ErrorLogTests
{
    private static ErrorRecord Error(
        int second, string source = "trader-BTC-USDT", ErrorKind kind = ErrorKind.Database,
        ErrorSeverity severity = ErrorSeverity.Error, string message = "boom") =>
        new(Readings.Start.AddSeconds(second), kind, severity, source, message);

    [Fact]
    public void Errors_of_the_same_kind_severity_and_source_share_one_summary_with_first_last_and_last_message()
    {
        var log = new ErrorLog();

        log.Record(Error(1, message: "first"));
        log.Record(Error(5, message: "second"));
        log.Record(Error(9, message: "third"));

        var summary = Assert.Single(log.Summaries());
        Assert.Equal(
            new ErrorSummary(ErrorKind.Database, ErrorSeverity.Error, "trader-BTC-USDT", 3, Readings.Start.AddSeconds(1),
                Readings.Start.AddSeconds(9), "third"),
            summary);
        Assert.Equal(3, log.Counted);
    }

    [Fact]
    public void Injected_errors_are_summarised_but_not_counted_against_the_run()
    {
        var log = new ErrorLog();

        log.Record(Error(1));
        log.Record(Error(2) with { Severity = ErrorSeverity.Injected });

        Assert.Equal(1, log.Counted);
        Assert.Equal(2, log.Summaries().Sum(s => s.Count));
    }

    [Fact]
    public void Different_kinds_severities_or_sources_are_summarised_apart_critical_first_then_most_frequent()
    {
        var log = new ErrorLog();

        log.Record(Error(1, source: "a"));
        log.Record(Error(2, source: "b"));
        log.Record(Error(3, source: "b"));
        log.Record(Error(4, source: "a", kind: ErrorKind.Api));
        log.Record(Error(5, source: "a", severity: ErrorSeverity.Critical));

        var order = log.Summaries().Select(s => (s.Severity, s.Kind, s.Source, s.Count)).ToArray();
        Assert.Equal(
            [
                (ErrorSeverity.Critical, ErrorKind.Database, "a", 1L),
                (ErrorSeverity.Error, ErrorKind.Database, "b", 2L),
                (ErrorSeverity.Error, ErrorKind.Database, "a", 1L),
                (ErrorSeverity.Error, ErrorKind.Api, "a", 1L),
            ],
            order);
    }

    [Fact]
    public void Sources_beyond_the_group_limit_are_counted_under_other_sources_so_nothing_is_lost()
    {
        var log = new ErrorLog(maxGroups: 2);

        log.Record(Error(1, source: "a"));
        log.Record(Error(2, source: "b"));
        log.Record(Error(3, source: "c"));
        log.Record(Error(4, source: "d"));
        log.Record(Error(5, source: "a"));

        var summaries = log.Summaries();
        Assert.Equal(3, summaries.Count);
        Assert.Equal(2, summaries.Single(s => s.Source == ErrorLog.OtherSources).Count);
        Assert.Equal(2, summaries.Single(s => s.Source == "a").Count);
        Assert.Equal(5, summaries.Sum(s => s.Count));
    }

    [Fact]
    public void Long_messages_are_truncated()
    {
        var log = new ErrorLog(maxMessageLength: 10);

        log.Record(Error(1, message: new string('x', 1000)));

        Assert.Equal(new string('x', 10) + "…", Assert.Single(log.Summaries()).LastMessage);
    }
}
