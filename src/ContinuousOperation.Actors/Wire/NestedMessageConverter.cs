using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContinuousOperation.Actors.Wire;

/// <summary>
/// A property typed <see cref="object"/> holds a message wrapped in another (an envelope routed by symbol): it is written
/// as <c>{"m": manifest, "p": message}</c> so the reader knows what to read back. The inner message must be a
/// registered one too.
/// </summary>
internal sealed class NestedMessageConverter : JsonConverter<object>
{
    private const string ManifestProperty = "m", PayloadProperty = "p";

    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        var type = value.GetType();
        if (!WireRegistry.TryGetManifest(type, out var manifest))
            throw new SerializationException($"{type.FullName} is wrapped in a cross-node message but has no entry in {nameof(WireRegistry)}");
        writer.WriteStartObject();
        writer.WriteString(ManifestProperty, manifest);
        writer.WritePropertyName(PayloadProperty);
        JsonSerializer.Serialize(writer, value, type, options);
        writer.WriteEndObject();
    }

    public override object Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, ref reader);
        reader.Read();
        Expect(reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(ManifestProperty), ref reader);
        reader.Read();
        var manifest = reader.GetString() ?? "";
        if (!WireRegistry.TryGetType(manifest, out var type))
            throw new SerializationException($"Unknown wire message manifest '{manifest}' in a wrapped message");
        reader.Read();
        Expect(reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(PayloadProperty), ref reader);
        reader.Read();
        var message = JsonSerializer.Deserialize(ref reader, type, options) ?? throw new JsonException($"Null wrapped '{manifest}'");
        reader.Read();
        Expect(reader.TokenType == JsonTokenType.EndObject, ref reader);
        return message;
    }

    private static void Expect(bool condition, ref Utf8JsonReader reader)
    {
        if (!condition) throw new JsonException($"Malformed wrapped message at {reader.TokenType}");
    }
}
