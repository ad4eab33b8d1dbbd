using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;

namespace ContinuousOperation.Actors.Wire;

/// <summary>A node's address as Akka writes it (<c>akka.tcp://system@host:port</c>).</summary>
internal sealed class AddressConverter : JsonConverter<Address>
{
    public override Address Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Address.Parse(reader.GetString() ?? throw new JsonException("Expected an address"));

    public override void Write(Utf8JsonWriter writer, Address value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
