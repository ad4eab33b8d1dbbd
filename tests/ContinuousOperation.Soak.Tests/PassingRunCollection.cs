namespace ContinuousOperation.Soak.Tests;

/// <summary>One short, healthy run shared by every test that inspects one (end to end, report formats, compare), so
/// they cost a single 20 s run between them.</summary>
[CollectionDefinition(Name)]
public sealed class PassingRunCollection : ICollectionFixture<PassingRunFixture>
{
    public const string Name = "passing run";
}
