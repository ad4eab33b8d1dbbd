using System.Text.Json;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Persistence;

/// <summary>The JSON shape shared by journal events and snapshots: identifiers as bare strings.</summary>
internal static class JournalJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Converters =
        {
            new StringValueConverter<Symbol>(s => new Symbol(s), v => v.Value),
            new StringValueConverter<AccountId>(s => new AccountId(s), v => v.Value),
            new StringValueConverter<ClientOrderId>(s => new ClientOrderId(s), v => v.Value),
            new StringValueConverter<FillId>(s => new FillId(s), v => v.Value),
        },
    };
}
