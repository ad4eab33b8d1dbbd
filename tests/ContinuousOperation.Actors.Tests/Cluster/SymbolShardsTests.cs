using ContinuousOperation.Actors.Cluster;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Topology;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Tests.Cluster;

public sealed class SymbolShardsTests
{
    private static readonly SymbolShards Shards = SymbolShards.Instance;

    [Fact]
    public void Every_symbol_of_a_large_run_has_a_shard_of_its_own_so_balanced_shards_are_balanced_symbols()
    {
        var symbols = Enumerable.Range(0, 1_000).Select(i => new Symbol($"S{i:D4}-USDT")).ToArray();

        var shards = symbols.Select(s => Shards.ShardId(new CloseBook(s))).ToArray();

        Assert.Equal(symbols.Length, shards.Distinct().Count());
        Assert.All(symbols, s => Assert.Equal(Shards.ShardId(new CloseBook(s)), Shards.ShardId(s.Value)));
    }

    [Fact]
    public void A_message_for_a_symbol_goes_to_that_symbols_entity_and_an_envelope_is_opened_on_the_way()
    {
        var symbol = new Symbol("ETH-USDT");
        var inner = new object();

        Assert.Equal("ETH-USDT", Shards.EntityId(new ForSymbol(symbol, inner)));
        Assert.Same(inner, Shards.EntityMessage(new ForSymbol(symbol, inner)));
        var close = new CloseBook(symbol);
        Assert.Same(close, Shards.EntityMessage(close));
    }

    [Fact]
    public void A_message_without_a_symbol_has_no_entity_and_no_shard()
    {
        object unrouted = "not routed";
        Assert.Null(Shards.EntityId(unrouted));
        Assert.Null(Shards.ShardId(unrouted));
    }
}
