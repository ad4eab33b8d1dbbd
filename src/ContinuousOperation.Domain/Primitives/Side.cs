namespace ContinuousOperation.Domain.Primitives;

public enum Side
{
    Buy,
    Sell,
}

public enum OrderType
{
    Limit,
    Market,
}

public static class SideExtensions
{
    public static Side Opposite(this Side side) => side == Side.Buy ? Side.Sell : Side.Buy;

    /// <summary>+1 for buys, −1 for sells: the sign a fill contributes to a net position.</summary>
    public static int Sign(this Side side) => side == Side.Buy ? 1 : -1;
}
