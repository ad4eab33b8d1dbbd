using System.Text.Json;
using ContinuousOperation.Domain.Criteria;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Comparison;

/// <summary>Reads the figures to compare out of a JSON report. Only the seed format's keys are required; the memory
/// slope comes from the <c>memory_stable</c> criterion and the setup from the <c>configuration</c> section when the report
/// has them, so reports written before a section existed still compare (what they lack reads as unknown).</summary>
public static class RunFiguresReader
{
    /// <exception cref="InvalidReportException">The text is not JSON, or not a continuous-operation report.</exception>
    public static RunFigures Read(string label, ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Figures(label, document.RootElement);
        }
        catch (JsonException e)
        {
            throw new InvalidReportException($"{label}: not valid JSON ({e.Message})");
        }
    }

    private static RunFigures Figures(string label, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("test_type", out var type) || type.ValueKind != JsonValueKind.String ||
            type.GetString() != RunSettings.TestType)
        {
            throw new InvalidReportException($"{label}: not a continuous-operation report (test_type is not \"{RunSettings.TestType}\")");
        }

        var metrics = Required(label, root, "metrics", JsonValueKind.Object);
        return new RunFigures(
            label,
            UptimeHours: Number(label, metrics, "uptime_hours"),
            Success: Boolean(label, root, "success"),
            ConsistencyValid: Boolean(label, root, "consistency_valid"),
            ErrorsPerHour: Number(label, metrics, "error_rate_per_hour"),
            AverageMemoryMb: Number(label, metrics, "average_memory_mb"),
            PeakMemoryMb: Number(label, metrics, "peak_memory_mb"),
            MemorySlopeMbPerHour: MemorySlope(root),
            AverageCpuPercent: Number(label, metrics, "average_cpu_percent"),
            OrdersPlaced: (long)Number(label, metrics, "orders_placed"),
            OrdersFilled: (long)Number(label, metrics, "orders_filled"))
        {
            Setup = Setup(root),
        };
    }

    /// <summary>The planned duration is a seed key; the rest is in <c>configuration</c>. A value that is missing or of
    /// another type is unknown rather than an error: the setup only warns, it is not a figure.</summary>
    private static RunSetup Setup(JsonElement root)
    {
        var configuration = root.TryGetProperty("configuration", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        return new RunSetup(
            Speed: Optional(configuration, "speed", JsonValueKind.Number)?.GetDouble(),
            DurationHours: Optional(root, "duration_hours", JsonValueKind.Number)?.GetDouble(),
            Symbols: Optional(configuration, "symbols", JsonValueKind.Array) is { } symbols &&
                     symbols.EnumerateArray().All(s => s.ValueKind == JsonValueKind.String)
                ? symbols.EnumerateArray().Select(s => s.GetString()!).ToArray()
                : null,
            Market: Optional(configuration, "market", JsonValueKind.String)?.GetString(),
            DailyVolatility: Optional(configuration, "daily_volatility", JsonValueKind.Number)?.GetDouble(),
            FaultProfile: Optional(configuration, "fault_profile", JsonValueKind.String)?.GetString());
    }

    private static JsonElement? Optional(JsonElement parent, string key, JsonValueKind kind) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out var value) && value.ValueKind == kind ? value : null;

    private static double? MemorySlope(JsonElement root)
    {
        if (!root.TryGetProperty("criteria", out var criteria) || criteria.ValueKind != JsonValueKind.Array) return null;
        foreach (var criterion in criteria.EnumerateArray())
        {
            if (criterion.ValueKind == JsonValueKind.Object &&
                criterion.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String &&
                name.GetString() == SuccessCriteria.MemoryStable &&
                criterion.TryGetProperty("observed", out var observed) && observed.ValueKind == JsonValueKind.Number)
            {
                return observed.GetDouble();
            }
        }

        return null;
    }

    /// <summary>A key of the seed format's <c>metrics</c> object.</summary>
    private static double Number(string label, JsonElement metrics, string key) =>
        Required(label, metrics, key, JsonValueKind.Number, $"metrics.{key}").GetDouble();

    private static bool Boolean(string label, JsonElement parent, string key)
    {
        if (parent.TryGetProperty(key, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        throw new InvalidReportException($"{label}: '{key}' is missing or not true/false");
    }

    private static JsonElement Required(string label, JsonElement parent, string key, JsonValueKind kind, string? path = null)
    {
        if (parent.TryGetProperty(key, out var value) && value.ValueKind == kind) return value;
        var expected = kind == JsonValueKind.Object ? "an object" : "a number";
        throw new InvalidReportException($"{label}: '{path ?? key}' is missing or not {expected}");
    }
}
