using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>What both journals must agree on about one fill of the paper trader.</summary>
internal readonly record struct FillTerms(
    ClientOrderId Order, Side Side, decimal Price, decimal Quantity, decimal Fee, long AccountFillSequence)
{
    public override string ToString() =>
        $"{Side} {Quantity} @ {Price} fee {Fee} for {Order}, account fill #{AccountFillSequence}";
}
