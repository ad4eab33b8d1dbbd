using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Faults;

/// <summary>One sharded entity: a symbol's order book or its trader. What a node hosts is a set of these.</summary>
public readonly record struct HostedEntity(EntityKind Entity, Symbol Symbol)
{
    public override string ToString() => $"{(Entity == EntityKind.Trader ? "trader" : "order book")} {Symbol}";
}
