using System.Collections;
using System.Reflection;
using Akka.Actor;

namespace ContinuousOperation.Actors.Tests.Wire;

/// <summary>
/// Compares two values field by field, lists item by item and dictionaries key by key (records holding lists compare
/// their list references otherwise), and stricter than <c>Equals</c> where the wire must be exact: a decimal's scale
/// and a time's offset count. Returns the path of the first difference, or null.
/// </summary>
internal static class StructuralEquality
{
    public static string? FirstDifference(object? expected, object? actual, string path = "")
    {
        if (expected is null || actual is null)
            return expected is null && actual is null ? null : $"{path}: {Show(expected)} vs {Show(actual)}";

        switch (expected)
        {
            case decimal d:
                return actual is decimal a && decimal.GetBits(d).SequenceEqual(decimal.GetBits(a)) ? null : Differs(path, expected, actual);
            case DateTimeOffset t:
                return actual is DateTimeOffset u && t.EqualsExact(u) ? null : Differs(path, expected, actual);
            case string or IActorRef or Address or Enum or TimeSpan or bool or int or long or double:
                return expected.Equals(actual) ? null : Differs(path, expected, actual);
            case IDictionary dictionary:
                return Dictionaries(dictionary, (IDictionary)actual, path);
            case IEnumerable sequence:
                return Sequences(sequence, (IEnumerable)actual, path);
        }

        if (expected.GetType() != actual.GetType()) return $"{path}: {expected.GetType().Name} vs {actual.GetType().Name}";
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (property.GetIndexParameters().Length == 0 &&
                FirstDifference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}") is { } difference)
                return difference;
        foreach (var field in expected.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
            if (FirstDifference(field.GetValue(expected), field.GetValue(actual), $"{path}.{field.Name}") is { } difference)
                return difference;
        return null;
    }

    private static string? Sequences(IEnumerable expected, IEnumerable actual, string path)
    {
        var left = expected.Cast<object?>().ToList();
        var right = actual.Cast<object?>().ToList();
        if (left.Count != right.Count) return $"{path}: {left.Count} items vs {right.Count}";
        return left.Select((item, i) => FirstDifference(item, right[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
    }

    private static string? Dictionaries(IDictionary expected, IDictionary actual, string path)
    {
        if (expected.Count != actual.Count) return $"{path}: {expected.Count} entries vs {actual.Count}";
        foreach (DictionaryEntry entry in expected)
        {
            if (!actual.Contains(entry.Key)) return $"{path}[{entry.Key}]: missing";
            if (FirstDifference(entry.Value, actual[entry.Key], $"{path}[{entry.Key}]") is { } difference) return difference;
        }

        return null;
    }

    private static string Differs(string path, object expected, object actual) => $"{path}: {Show(expected)} vs {Show(actual)}";

    private static string Show(object? value) => value switch
    {
        null => "null",
        DateTimeOffset t => t.ToString("O"),
        _ => value.ToString() ?? "",
    };
}
