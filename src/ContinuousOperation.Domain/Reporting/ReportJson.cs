using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContinuousOperation.Domain.Reporting;

/// <summary>The one JSON shape of everything a run writes, so the report and the samples file cannot drift apart.</summary>
public static class ReportJson
{
    /// <summary>The report: snake_case keys in declaration order (which puts the seed format's keys first), enums as
    /// snake_case strings, indented for people.</summary>
    public static readonly JsonSerializerOptions Report = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>One object per line (NDJSON) in the report's naming; absent values are left out rather than written
    /// as null on every line.</summary>
    public static readonly JsonSerializerOptions Lines = new(Report)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
