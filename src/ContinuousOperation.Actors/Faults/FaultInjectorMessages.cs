using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Faults;

/// <summary>Told to the metrics actor when a fault takes effect: errors in its scope are now expected. A fault that
/// never takes effect explains nothing.</summary>
public sealed record FaultInEffect(int FaultId, FaultKind Kind, Symbol? Symbol);

/// <summary>Told to the metrics actor when a fault is over (recovered or missed).</summary>
public sealed record FaultSettled(int FaultId);

/// <summary>Starts the fault clock: the coordinator sends it once every book and trader is up.</summary>
public sealed record StartFaults
{
    public static readonly StartFaults Instance = new();
}

/// <summary>Asks the injector to reply <see cref="FaultsSettled"/> once no fault is still recovering.</summary>
public sealed record AwaitFaultsSettled
{
    public static readonly AwaitFaultsSettled Instance = new();
}

public sealed record FaultsSettled
{
    public static readonly FaultsSettled Instance = new();
}

/// <summary>Asks for the <see cref="FaultReport"/> so far, without ending anything.</summary>
public sealed record GetFaultReport
{
    public static readonly GetFaultReport Instance = new();
}

/// <summary>Ends fault injection and asks for the <see cref="FaultReport"/>; faults still recovering count as missed.</summary>
public sealed record CloseFaultReport
{
    public static readonly CloseFaultReport Instance = new();
}
