using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Akka.Actor;
using ContinuousOperation.Actors.Persistence;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Wire;

/// <summary>The JSON shape of cross-node messages: the journal's (identifiers as bare strings), plus what only messages
/// carry. One set of options per actor system, because an actor reference is resolved by the system that reads it.</summary>
internal static class WireJson
{
    private static readonly ConcurrentDictionary<Type, JsonConverter> NestedMessages = new();

    public static JsonSerializerOptions For(ExtendedActorSystem system)
    {
        var options = new JsonSerializerOptions(JournalJson.Options)
        {
            // Value tuples (RunCompleted.SimulatedClock) hold their values in fields.
            IncludeFields = true,
            // Metrics may hold NaN (a mean of nothing); JSON has no literal for it otherwise.
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoredStateOnly } },
        };
        options.Converters.Add(new StringValueConverter<RunId>(ParseRunId, v => v.Value));
        options.Converters.Add(new ActorRefConverter(system));
        options.Converters.Add(new DepthLevelConverter());
        options.Converters.Add(new AddressConverter());
        return options;
    }

    /// <summary>Sends what a message holds, not what it computes (IsValid, TotalErrors, ... follow from the rest); a
    /// property typed <see cref="object"/>, an interface or an abstract record holds a wrapped message and says which.</summary>
    private static void StoredStateOnly(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null) type.Properties.RemoveAt(i);
            else if (HoldsAnyMessage(property.PropertyType)) property.CustomConverter = NestedMessageFor(property.PropertyType);
        }
    }

    /// <summary>Collections are interfaces too, and identifiers and actor references have converters of their own.</summary>
    private static bool HoldsAnyMessage(Type type) =>
        type == typeof(object) ||
        ((type.IsInterface || type.IsAbstract) && !type.IsValueType && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type) &&
         !typeof(IActorRef).IsAssignableFrom(type));

    private static JsonConverter NestedMessageFor(Type type) => NestedMessages.GetOrAdd(type,
        t => (JsonConverter)Activator.CreateInstance(typeof(NestedMessageConverter<>).MakeGenericType(t))!);

    private static RunId ParseRunId(string text) =>
        RunId.TryParse(text, out var id) ? id : throw new JsonException($"'{text}' is not a run id");
}
