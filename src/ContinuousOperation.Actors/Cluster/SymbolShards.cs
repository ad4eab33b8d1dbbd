using Akka.Cluster.Sharding;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Topology;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Cluster;

/// <summary>
/// The cluster's implementation of the symbol seams' routing: the entity id is the symbol, and a
/// <see cref="ForSymbol"/> envelope is opened, exactly as <see cref="SymbolRouter"/> does on one node. Shards are a
/// stable hash of the symbol (the same in every process), so a symbol's shard is known without asking.
/// </summary>
public sealed class SymbolShards(int shardCount) : HashCodeMessageExtractor(shardCount)
{
    /// <summary>One shard per symbol (up to 100): a lost node's symbols then spread over the survivors one by one.</summary>
    public static SymbolShards For(int symbols) => new(Math.Max(1, Math.Min(symbols, 100)));

    public override string? EntityId(object message) => message switch
    {
        IWithSymbol routed => routed.Symbol.Value,
        _ => null,
    };

    public override object EntityMessage(object message) => message is ForSymbol envelope ? envelope.Message : message;

    public string ShardOf(Symbol symbol) => ShardId(symbol.Value, null);
}
