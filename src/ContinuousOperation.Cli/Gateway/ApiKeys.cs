using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Cli.Gateway;

/// <summary>
/// The API keys the gateway accepts (header <c>X-MBX-APIKEY</c>, as Binance) and the account each one trades for.
/// The keys are secrets: this type is the only holder, and <see cref="ToString"/> names the accounts, never a key.
/// </summary>
internal sealed class ApiKeys
{
    public const string Header = "X-MBX-APIKEY";

    private readonly Dictionary<string, AccountId> _accounts;

    public ApiKeys(IReadOnlyDictionary<string, AccountId> accounts) =>
        _accounts = new Dictionary<string, AccountId>(accounts, StringComparer.Ordinal);

    public IEnumerable<AccountId> Accounts => _accounts.Values.Distinct();

    public bool TryResolve(string? key, out AccountId account)
    {
        account = default;
        return !string.IsNullOrEmpty(key) && _accounts.TryGetValue(key, out account);
    }

    public override string ToString() => $"{_accounts.Count} API key(s) for {string.Join(", ", Accounts)}";
}
