using Akka.Actor;
using Akka.Serialization;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Persistence;

/// <summary>
/// Writes journal events in the compact binary form of <see cref="JournalBinaryCodec"/> (about a fifth of their JSON),
/// with the event's type name as manifest. Rows written before it, as JSON by <see cref="JournalEventSerializer"/>
/// (id 7301), keep their serializer id and are still read by it. A row of a schema version this build does not know
/// is refused with a message naming the version.
/// </summary>
public sealed class BinaryJournalSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 7303;

    public override int Identifier => Id;

    public override string Manifest(object o) => o.GetType().Name;

    public override byte[] ToBinary(object obj) => JournalBinaryCodec.Encode((IJournalEvent)obj);

    public override object FromBinary(byte[] bytes, string manifest) => JournalBinaryCodec.Decode(bytes, manifest);
}
