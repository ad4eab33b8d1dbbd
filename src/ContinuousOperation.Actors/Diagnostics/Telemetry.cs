using System.Diagnostics.Metrics;
using System.Text.Json;
using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Actors.Diagnostics;

/// <summary>
/// The project's <see cref="Meter"/>: trading counters, errors, injected faults and two latency histograms, published
/// through <c>System.Diagnostics.Metrics</c> so standard tools (dotnet-counters, OpenTelemetry) read them from a live
/// run. Instruments are process-wide and thread-safe; recording costs nothing while nobody listens.
/// </summary>
public static class Telemetry
{
    public const string MeterName = "ContinuousOperation";

    public const string OrderRoundTripName = LatencyInstruments.OrderRoundTrip;

    /// <summary>The round trips of <see cref="OrderRoundTripName"/> whose acknowledgement came from a book on another
    /// node (cluster runs only).</summary>
    public const string CrossNodeOrderRoundTripName = LatencyInstruments.CrossNodeOrderRoundTrip;
    public const string FillToPersistName = LatencyInstruments.FillToPersist;

    private static readonly Meter Meter = new(MeterName, typeof(Telemetry).Assembly.GetName().Version?.ToString());

    private static readonly IReadOnlyDictionary<TradingCounter, Counter<long>> TradingCounters =
        Enum.GetValues<TradingCounter>().ToDictionary(c => c, c => Meter.CreateCounter<long>(NameOf(c), "{event}"));

    private static readonly Counter<long> Errors = Meter.CreateCounter<long>("errors", "{error}", "Errors observed, by kind and severity");
    private static readonly Counter<long> Faults = Meter.CreateCounter<long>("faults_injected", "{fault}", "Faults injected, by kind");

    private static readonly Histogram<double> OrderRoundTrip = Meter.CreateHistogram<double>(
        OrderRoundTripName, "ms", "From sending an order to the venue's acknowledgement");

    private static readonly Histogram<double> CrossNodeOrderRoundTrip = Meter.CreateHistogram<double>(
        CrossNodeOrderRoundTripName, "ms", "From sending an order to the acknowledgement of a book on another node");

    private static readonly Histogram<double> FillToPersist = Meter.CreateHistogram<double>(
        FillToPersistName, "ms", "From a fill report's arrival to its events being in the trader's journal");

    /// <summary>The instrument name of a trading counter: <c>OrdersPlaced</c> → <c>orders_placed</c>.</summary>
    private static string NameOf(TradingCounter counter) => JsonNamingPolicy.SnakeCaseLower.ConvertName(counter.ToString());

    public static void Count(TradingCounter counter, long amount) => TradingCounters[counter].Add(amount);

    public static void RecordError(ErrorKind kind, ErrorSeverity severity) =>
        Errors.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()), new KeyValuePair<string, object?>("severity", severity.ToString()));

    public static void RecordFault(string kind) => Faults.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public static void RecordOrderRoundTrip(TimeSpan elapsed, bool crossNode)
    {
        OrderRoundTrip.Record(elapsed.TotalMilliseconds);
        if (crossNode) CrossNodeOrderRoundTrip.Record(elapsed.TotalMilliseconds);
    }

    public static void RecordFillToPersist(TimeSpan elapsed) => FillToPersist.Record(elapsed.TotalMilliseconds);
}
