using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>Persistence ids of the two journals of a symbol; violations name journal positions as <c>{id}#{sequenceNr}</c>.</summary>
public static class JournalNames
{
    public static string Trader(Symbol symbol) => $"trader-{symbol.Value}";

    public static string Exchange(Symbol symbol) => $"exchange-{symbol.Value}";

    public static string Position(string persistenceId, long sequenceNr) => $"{persistenceId}#{sequenceNr}";
}
