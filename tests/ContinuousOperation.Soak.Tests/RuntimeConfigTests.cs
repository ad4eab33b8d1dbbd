using System.Text.Json.Nodes;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The runtime settings chosen for a lean run at rest and for a collector that keeps up with 1,000 symbols
/// (docs/operations.md, Performance) are in the runtime configuration the CLI is started with, so an edit of the
/// project file cannot drop them unnoticed.</summary>
public sealed class RuntimeConfigTests
{
    /// <summary>Built next to the tests with the CLI (a project reference), as the CLI's own is next to it.</summary>
    private static readonly string RuntimeConfig =
        Path.Combine(AppContext.BaseDirectory, "continuous-operation.runtimeconfig.json");

    public static TheoryData<string, string> ChosenSettings => new()
    {
        { "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", "0" },
        { "System.Runtime.TieredPGO", "false" },
        { "System.GC.Server", "true" },
        { "System.GC.Concurrent", "true" },
    };

    [Theory]
    [MemberData(nameof(ChosenSettings))]
    public void The_cli_runtime_configuration_holds_the_chosen_setting(string property, string expected)
    {
        var properties = JsonNode.Parse(File.ReadAllText(RuntimeConfig))!["runtimeOptions"]!["configProperties"]!.AsObject();

        Assert.True(properties.TryGetPropertyValue(property, out var value), $"{property} is missing from {RuntimeConfig}");
        Assert.Equal(expected, value!.ToJsonString().Trim('"'));
    }
}
