using System.Collections.Frozen;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Trading;

namespace ContinuousOperation.Actors.Persistence;

/// <summary>
/// Serializes book and trader snapshots as JSON; the manifest carries the type and the schema version
/// (<c>VenueSnapshot/v1</c>). Bump <see cref="SchemaVersion"/> whenever a snapshot type changes shape: an older
/// snapshot is then reported and skipped, not misread.
/// <para>Reading never throws. A snapshot that cannot be read (corrupt bytes, unknown type or version) comes back as
/// <see cref="UnreadableSnapshot"/>: the entity declines the offer and Akka.Persistence replays the whole journal
/// instead, whereas a throwing serializer would fail the recovery and stop the entity at every restart.</para>
/// </summary>
public sealed class SnapshotSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int SchemaVersion = 1;

    public static readonly IReadOnlyList<Type> SnapshotTypes = [typeof(VenueSnapshot), typeof(TraderSnapshot)];

    private static readonly FrozenDictionary<string, Type> TypesByManifest =
        SnapshotTypes.ToFrozenDictionary(ManifestOf, StringComparer.Ordinal);

    public override int Identifier => 7302;

    public override string Manifest(object o) => ManifestOf(o.GetType());

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), JournalJson.Options);

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!TypesByManifest.TryGetValue(manifest, out var type))
            return new UnreadableSnapshot($"unknown snapshot type or schema version '{manifest}' (this build reads v{SchemaVersion})");
        try
        {
            return JsonSerializer.Deserialize(bytes, type, JournalJson.Options) ?? new UnreadableSnapshot($"null {manifest}");
        }
        catch (JsonException e)
        {
            return new UnreadableSnapshot($"{manifest} does not parse: {e.Message}");
        }
    }

    private static string ManifestOf(Type type) => $"{type.Name}/v{SchemaVersion}";
}

/// <summary>What the snapshot store offers when a stored snapshot cannot be read; <see cref="Reason"/> says why.</summary>
public sealed record UnreadableSnapshot(string Reason);
