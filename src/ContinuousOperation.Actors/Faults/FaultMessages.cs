using Akka.Actor;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Faults;

/// <summary>Makes the receiving actor throw, so its supervisor has to deal with a real failure.</summary>
public sealed record InjectCrash(int FaultId)
{
    /// <summary>Tells the injector the crash takes effect now (only now does the incarnation it ends stop: what that
    /// incarnation still announces is not a recovery), and gives the exception to throw.</summary>
    public InjectedFaultException TakeEffect(IActorRef injector)
    {
        injector.Tell(new FaultApplied(FaultId, DateTimeOffset.UtcNow));
        return new InjectedFaultException($"injected crash (fault #{FaultId})");
    }
}

public sealed class InjectedFaultException(string message) : Exception(message);

/// <summary>Arms a fault on one symbol's market-data stream (served by the exchange).</summary>
public sealed record InjectMarketDataFault(int FaultId, Symbol Symbol, FaultKind Kind, TimeSpan Duration) : IWithSymbol;

/// <summary>Arms a fault on one symbol's account channel (the book's pushes of fills and cancels).</summary>
public sealed record InjectAccountChannelFault(int FaultId, Symbol Symbol, FaultKind Kind, TimeSpan Duration) : IWithSymbol;

/// <summary>The next <paramref name="Count"/> requests for the symbol time out (their replies are lost) or are answered
/// with an error instead of being served.</summary>
public sealed record InjectRequestFaults(int FaultId, Symbol Symbol, FaultKind Kind, int Count) : IWithSymbol;

/// <summary>Told to the injector when an armed fault really took effect (a message was dropped, a request failed).</summary>
public sealed record FaultApplied(int FaultId, DateTimeOffset At);
