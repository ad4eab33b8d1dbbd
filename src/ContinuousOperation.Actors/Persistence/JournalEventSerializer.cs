using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Persistence;

/// <summary>
/// Journal events as JSON with the event's type name as manifest: the format of journals written before
/// <see cref="BinaryJournalSerializer"/>. Registered without bindings, so nothing new is written with it, but Akka picks
/// it by the serializer id stored in each row (7301) and old journals still replay and reconcile.
/// </summary>
public sealed class JournalEventSerializer : SerializerWithStringManifest
{
    public const int Id = 7301;

    private static readonly FrozenDictionary<string, Type> TypesByManifest =
        typeof(IJournalEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IJournalEvent).IsAssignableFrom(t))
            .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The events this serializer has read, so their digest can be taken over the JSON they are stored as
    /// (<see cref="StoredBytes"/>). Weak: an entry goes with its event.</summary>
    private static readonly ConditionalWeakTable<object, object> ReadFromJson = new();

    public JournalEventSerializer(ExtendedActorSystem system) : base(system)
    {
    }

    public override int Identifier => Id;

    public override string Manifest(object o) => o.GetType().Name;

    public override byte[] ToBinary(object obj) => Json(obj);

    public override object FromBinary(byte[] bytes, string manifest)
    {
        var e = TypesByManifest.TryGetValue(manifest, out var type)
            ? JsonSerializer.Deserialize(bytes, type, JournalJson.Options) ?? throw new SerializationException($"Null journal event '{manifest}'")
            : throw new SerializationException($"Unknown journal event manifest '{manifest}'");
        ReadFromJson.AddOrUpdate(e, type);
        return e;
    }

    /// <summary>The bytes a journal event read back is stored as: serialized again by the serializer that wrote its row
    /// (both are deterministic), JSON for an event of an old journal, the bound serializer otherwise.</summary>
    public static byte[] StoredBytes(Akka.Serialization.Serialization serialization, object e) =>
        ReadFromJson.TryGetValue(e, out _) ? Json(e) : serialization.Serialize(e);

    private static byte[] Json(object e) => JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), JournalJson.Options);
}
