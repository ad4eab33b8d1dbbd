using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Exchange;

/// <summary>What a venue pushes to the owner of a paper-trader account on its private channel.</summary>
public abstract record AccountPush(AccountId Account);

/// <summary>One of the account's fills.</summary>
public sealed record FillPush(AccountFill Fill) : AccountPush(Fill.Account);

/// <summary>The venue removed one of the account's orders; <see cref="AccountFillSequence"/> is the account's last fill
/// sequence at that moment.</summary>
public sealed record CancelPush(ExchangeOrderCancelled Cancel, long AccountFillSequence) : AccountPush(Cancel.Account);
