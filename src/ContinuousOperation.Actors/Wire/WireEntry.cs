namespace ContinuousOperation.Actors.Wire;

/// <summary>
/// One message type that may cross nodes, under a stable <see cref="Name"/> chosen here rather than derived from the
/// CLR name (a type can be renamed or moved without breaking a running cluster). <see cref="Version"/> is bumped when
/// the type changes shape; the manifest carries it, so a node can tell a payload of another layout from a corrupt one.
/// </summary>
public sealed record WireEntry(Type Type, string Name, int Version = 1)
{
    public string Manifest => $"{Name}/v{Version}";
}
