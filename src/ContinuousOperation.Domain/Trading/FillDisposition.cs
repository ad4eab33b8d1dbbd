namespace ContinuousOperation.Domain.Trading;

/// <summary>What a trader does with a fill the venue reports, judged by the account's fill sequence number.</summary>
public enum FillDisposition
{
    /// <summary>The next fill in sequence: persist and apply it.</summary>
    Apply,

    /// <summary>Already applied (a redelivery): ignore it.</summary>
    Duplicate,

    /// <summary>Fills are missing before this one: ask the venue for the fills since the last applied one.</summary>
    Gap,
}
