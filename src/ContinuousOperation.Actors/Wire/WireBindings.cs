using System.Text;

namespace ContinuousOperation.Actors.Wire;

/// <summary>The serializer and its bindings as HOCON, for an actor system configured without Akka.Hosting (TestKit);
/// the CLI binds the same <see cref="WireRegistry.Types"/> through <c>WithCustomSerializer</c>.</summary>
public static class WireBindings
{
    public const string SerializerName = "wire";

    public static readonly string Hocon = Build();

    private static string Build()
    {
        var hocon = new StringBuilder();
        hocon.AppendLine($"akka.actor.serializers.{SerializerName} = \"{QualifiedName(typeof(WireSerializer))}\"");
        hocon.AppendLine("akka.actor.serialization-bindings {");
        foreach (var type in WireRegistry.Types) hocon.AppendLine($"  \"{QualifiedName(type)}\" = {SerializerName}");
        hocon.AppendLine("}");
        return hocon.ToString();
    }

    private static string QualifiedName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
