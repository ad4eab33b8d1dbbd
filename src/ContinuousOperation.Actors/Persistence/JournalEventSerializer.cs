using System.Collections.Frozen;
using System.Text.Json;
using Akka.Actor;
using System.Runtime.Serialization;
using Akka.Serialization;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Persistence;

/// <summary>
/// Serializes journal events as JSON with the event's type name as manifest. A stable, readable schema that does not
/// depend on CLR assembly names matters for a journal that must still be readable by a later build (reconcile) and
/// by other nodes in cluster mode.
/// </summary>
public sealed class JournalEventSerializer : SerializerWithStringManifest
{
    private static readonly FrozenDictionary<string, Type> TypesByManifest =
        typeof(IJournalEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IJournalEvent).IsAssignableFrom(t))
            .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public JournalEventSerializer(ExtendedActorSystem system) : base(system)
    {
    }

    public override int Identifier => 7301;

    public override string Manifest(object o) => o.GetType().Name;

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), JournalJson.Options);

    public override object FromBinary(byte[] bytes, string manifest) =>
        TypesByManifest.TryGetValue(manifest, out var type)
            ? JsonSerializer.Deserialize(bytes, type, JournalJson.Options) ?? throw new SerializationException($"Null journal event '{manifest}'")
            : throw new SerializationException($"Unknown journal event manifest '{manifest}'");
}
