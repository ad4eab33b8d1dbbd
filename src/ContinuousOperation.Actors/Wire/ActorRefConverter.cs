using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;

namespace ContinuousOperation.Actors.Wire;

/// <summary>An actor reference travels as Akka's serialized actor path (with this node's address when it is local) and
/// is resolved by the receiving system, as Akka's own serializers do.</summary>
internal sealed class ActorRefConverter(ExtendedActorSystem system) : JsonConverter<IActorRef>
{
    public override bool CanConvert(Type typeToConvert) => typeof(IActorRef).IsAssignableFrom(typeToConvert);

    public override IActorRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        system.Provider.ResolveActorRef(reader.GetString() ?? throw new JsonException("Expected an actor path"));

    public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Akka.Serialization.Serialization.SerializedActorPath(value));
}
