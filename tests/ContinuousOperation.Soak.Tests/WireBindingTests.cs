using ContinuousOperation.Actors.Wire;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The actor system as the CLI composes it (Akka.Hosting) binds every cross-node message to the wire
/// serializer, so none would fall back to Akka's default serializer when sent to another node.</summary>
public sealed class WireBindingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wire-").FullName;

    [Fact]
    public async Task Every_cross_node_message_is_bound_to_the_wire_serializer()
    {
        await using var host = await ActorHost.StartAsync(
            DatabaseTarget.SqliteFileAt(Path.Combine(_folder, "journal.db")), userConfig: null, CancellationToken.None);

        var elsewhere = WireRegistry.Types
            .Select(t => (Type: t, Serializer: host.System.Serialization.FindSerializerForType(t)))
            .Where(s => s.Serializer is not WireSerializer)
            .Select(s => $"{s.Type.Name} -> {s.Serializer.GetType().Name}")
            .ToList();

        Assert.True(elsewhere.Count == 0, string.Join(", ", elsewhere));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
