using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace ContinuousOperation.Actors.Wire;

/// <summary>
/// Serializes every message of <see cref="WireRegistry"/> as JSON, with the registry's stable, versioned manifest
/// (<c>place-order/v1</c>). A manifest this build does not know (a node of another version, a corrupt frame) fails
/// with a <see cref="SerializationException"/> that names it; Akka's remoting logs it and drops that one message.
/// </summary>
public sealed class WireSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 7310;

    private readonly JsonSerializerOptions _options = WireJson.For(system);

    public override int Identifier => Id;

    public override string Manifest(object o) => WireRegistry.TryGetManifest(o.GetType(), out var manifest)
        ? manifest
        : throw new SerializationException($"{o.GetType().FullName} has no entry in {nameof(WireRegistry)}");

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), _options);

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!WireRegistry.TryGetType(manifest, out var type))
            throw new SerializationException($"Unknown wire message manifest '{manifest}': this node reads {WireRegistry.Entries.Count} message types (is the sender another version?)");
        try
        {
            return JsonSerializer.Deserialize(bytes, type, _options) ?? throw new SerializationException($"Null wire message '{manifest}'");
        }
        catch (JsonException e)
        {
            throw new SerializationException($"Wire message '{manifest}' does not parse: {e.Message}", e);
        }
    }
}
