using System.Globalization;
using System.Reflection;
using Akka.Actor;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Tests.Wire;

/// <summary>
/// Builds a sample of any message type from its constructor and init properties, every field filled with a value unlike
/// its default and unlike every other field's (a counter runs through them all), so a serializer that drops, swaps or
/// rounds a field reads back something different. Decimals carry trailing zeros, times odd ticks and offsets, so a
/// serializer that loses scale or precision shows too. A new message needs no hand-written sample.
/// </summary>
internal sealed class SampleValues(IActorRef actorRef)
{
    private int _next = 1;

    public object Of(Type type)
    {
        var n = _next++;
        if (Nullable.GetUnderlyingType(type) is { } inner) return Of(inner);
        if (type == typeof(string)) return $"text-{n}";
        if (type == typeof(int)) return n;
        if (type == typeof(long)) return 1_000_000_000_000L + n;
        if (type == typeof(double)) return n + 0.1;
        if (type == typeof(bool)) return true;
        // Scale kept by a correct serializer: 12.3400 must not come back as 12.34.
        if (type == typeof(decimal)) return decimal.Parse($"{n}.3400", CultureInfo.InvariantCulture);
        if (type == typeof(TimeSpan)) return TimeSpan.FromTicks(123_456_789_012 + n);
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 11, 28, 1, 2, 3, TimeSpan.FromHours(2)).AddTicks(1_234_567 + n);
        if (type == typeof(RunId)) return RunId.TryParse($"20261128T010203Z-{n}-abcd", out var id) ? id : throw new InvalidOperationException();
        if (typeof(IActorRef).IsAssignableFrom(type)) return actorRef;
        if (type == typeof(Address)) return new Address("akka.tcp", $"system-{n}", "127.0.0.1", 2550 + n);
        if (type.IsEnum) return LastValue(type);
        if (type == typeof(object)) return Of(typeof(ContinuousOperation.Actors.Exchange.PlaceOrder));
        if (type.IsArray) return List(type.GetElementType()!, type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition)
        {
            if (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>))
                return List(type.GetGenericArguments()[0], type);
            if (definition == typeof(IReadOnlyDictionary<,>)) return Dictionary(type.GetGenericArguments());
        }

        if (type.IsAbstract) return Of(ConcreteSubtype(type));
        return Construct(type);
    }

    private object Construct(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var instance = constructor is null
            ? Activator.CreateInstance(type)! // a struct without constructor (value tuple fields are set below)
            : constructor.Invoke(constructor.GetParameters().Select(p => Of(p.ParameterType)).ToArray());
        var fromConstructor = constructor?.GetParameters().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (property.SetMethod is { IsPublic: true } && !fromConstructor.Contains(property.Name))
                property.SetValue(instance, Of(property.PropertyType));
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            field.SetValue(instance, Of(field.FieldType));
        return instance;
    }

    private Array List(Type element, Type listType)
    {
        var items = Array.CreateInstance(element, 2);
        for (var i = 0; i < items.Length; i++) items.SetValue(Of(element), i);
        return listType.IsAssignableFrom(items.GetType()) ? items : throw new NotSupportedException(listType.Name);
    }

    private object Dictionary(Type[] keyAndValue)
    {
        var dictionary = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(keyAndValue))!;
        // One entry: an enum key has one non-default sample only.
        dictionary.Add(Of(keyAndValue[0]), Of(keyAndValue[1]));
        return dictionary;
    }

    private static object LastValue(Type enumType)
    {
        var values = Enum.GetValues(enumType);
        return values.GetValue(values.Length - 1)!;
    }

    private static Type ConcreteSubtype(Type type) =>
        type.Assembly.GetTypes().FirstOrDefault(t => !t.IsAbstract && type.IsAssignableFrom(t))
        ?? throw new NotSupportedException($"No concrete {type.Name} to sample");
}
