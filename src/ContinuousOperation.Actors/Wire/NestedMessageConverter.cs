using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContinuousOperation.Actors.Wire;

/// <summary>
/// A property typed <see cref="object"/>, an interface or an abstract record holds one of several messages (an envelope
/// routed by symbol, a relayed recovery signal): it is written as <c>{"m": manifest, "p": message}</c> so the reader
/// knows what to read back. The inner message must be a registered one too.
/// </summary>
internal sealed class NestedMessageConverter<T> : JsonConverter<T> where T : class
{
    private const string ManifestProperty = "m", PayloadProperty = "p";

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
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

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, ref reader);
        reader.Read();
        Expect(reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(ManifestProperty), ref reader);
        reader.Read();
        var manifest = reader.GetString() ?? "";
        if (!WireRegistry.TryGetType(manifest, out var type) || !typeof(T).IsAssignableFrom(type))
            throw new SerializationException($"Unknown wire message manifest '{manifest}' for a wrapped {typeof(T).Name}");
        reader.Read();
        Expect(reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(PayloadProperty), ref reader);
        reader.Read();
        var message = (T?)JsonSerializer.Deserialize(ref reader, type, options) ?? throw new JsonException($"Null wrapped '{manifest}'");
        reader.Read();
        Expect(reader.TokenType == JsonTokenType.EndObject, ref reader);
        return message;
    }

    private static void Expect(bool condition, ref Utf8JsonReader reader)
    {
        if (!condition) throw new JsonException($"Malformed wrapped message at {reader.TokenType}");
    }
}
