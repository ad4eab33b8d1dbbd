using System.Text.Json;
using System.Text.Json.Serialization;
using ContinuousOperation.Domain.Exchange;

namespace ContinuousOperation.Actors.Wire;

/// <summary>A depth level as <c>[price, quantity]</c>: a market-data update holds 40 of them, and the property names
/// would be half its bytes.</summary>
internal sealed class DepthLevelConverter : JsonConverter<DepthLevel>
{
    public override DepthLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("Expected a depth level [price, quantity]");
        reader.Read();
        var price = reader.GetDecimal();
        reader.Read();
        var quantity = reader.GetDecimal();
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("Expected the end of a depth level");
        return new DepthLevel(price, quantity);
    }

    public override void Write(Utf8JsonWriter writer, DepthLevel value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Price);
        writer.WriteNumberValue(value.Quantity);
        writer.WriteEndArray();
    }
}
