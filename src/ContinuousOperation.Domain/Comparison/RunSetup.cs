namespace ContinuousOperation.Domain.Comparison;

/// <summary>What a run was asked to do, as far as its report says: the settings its figures scale with. Each is null
/// when the report does not say (reports written before the <c>configuration</c> section, or by other tools, which
/// have only the seed format's <c>duration_hours</c>).</summary>
public sealed record RunSetup(
    double? Speed,
    double? DurationHours,
    IReadOnlyList<string>? Symbols,
    string? Market,
    double? DailyVolatility,
    string? FaultProfile)
{
    public static readonly RunSetup Unknown = new(null, null, null, null, null, null);
}
