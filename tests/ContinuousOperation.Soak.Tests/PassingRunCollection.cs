namespace ContinuousOperation.Soak.Tests;

/// <summary>One short run shared by the report-format and compare tests, so they cost a single run between them.</summary>
[CollectionDefinition(Name)]
public sealed class ReportFormatsRun : ICollectionFixture<PassingRunFixture>
{
    public const string Name = "report formats run";
}
