using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Topology;

/// <summary>
/// Carries a message that names no symbol (a crash to inject, a request to stop trading) to one symbol's entity.
/// The symbol seams (<see cref="SymbolRouter"/> on one node, a shard region in the cluster) unwrap it and deliver
/// <paramref name="Message"/> alone, with the original sender.
/// </summary>
public sealed record ForSymbol(Symbol Symbol, object Message) : IWithSymbol;
