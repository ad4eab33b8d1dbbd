using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContinuousOperation.Actors.Persistence;

/// <summary>Writes a single-string identifier (Symbol, FillId, …) as a bare JSON string instead of <c>{"Value":…}</c>.</summary>
internal sealed class StringValueConverter<T>(Func<string, T> fromText, Func<T, string> toText) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        fromText(reader.GetString() ?? throw new JsonException($"Expected a string for {typeof(T).Name}"));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(toText(value));
}
