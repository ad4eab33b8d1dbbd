using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Domain.Consistency;

/// <summary>The two journals of a symbol.</summary>
public enum SymbolJournal { Trader, Exchange }

/// <summary>One chunk to read: up to <see cref="MaxEvents"/> events of <see cref="PersistenceId"/> from
/// <see cref="FromSequenceNr"/> on.</summary>
public readonly record struct JournalRead(SymbolJournal Journal, string PersistenceId, long FromSequenceNr, int MaxEvents);

/// <summary>
/// The order in which the two journals of one symbol are read into its <see cref="SymbolJournalFold"/>: in chunks,
/// reading on in whichever journal lags (<see cref="SymbolJournalFold.VenueLagsTrader"/>) so the fold stays small, the
/// two taking turns when neither does (no fill for a while). A chunk shorter than asked reached the journal's current
/// end. The venue journal is read last, after the trader journal's last read, so every fill the trader applied is in
/// what is read of it (a consistent cut): a trader read that found more opens the venue journal again. Each read starts
/// one past the last sequence number the fold has (<see cref="SymbolJournalFold.NextSequenceNrs"/>), so a round reads
/// on from where the last one stopped and no event is read twice.
/// </summary>
public sealed class SymbolReadSchedule(RunId run, SymbolJournalFold fold, int chunkEvents = SymbolReadSchedule.ChunkEvents)
{
    /// <summary>Events read from one journal before the reader looks again at which journal lags.</summary>
    public const int ChunkEvents = 5_000;

    private readonly string _traderJournal = JournalNames.Trader(run, fold.Symbol);
    private readonly string _exchangeJournal = JournalNames.Exchange(run, fold.Symbol);
    private bool _traderDone;
    private bool _exchangeDone;
    private bool _traderReadLast;

    public SymbolJournalFold Fold { get; } = fold;

    /// <summary>The chunk to read next; null once both journals are read to their end, the venue's last.</summary>
    public JournalRead? Next()
    {
        if (_traderDone && _exchangeDone) return null;
        var next = Fold.NextSequenceNrs;
        var trader = !_traderDone && (_exchangeDone || (!Fold.VenueLagsTrader && !_traderReadLast));
        return trader
            ? new JournalRead(SymbolJournal.Trader, _traderJournal, next.Trader, chunkEvents)
            : new JournalRead(SymbolJournal.Exchange, _exchangeJournal, next.Exchange, chunkEvents);
    }

    /// <summary>Records that <paramref name="read"/> returned <paramref name="events"/> events (already added to the
    /// fold).</summary>
    public void Completed(JournalRead read, int events)
    {
        var reachedEnd = events < read.MaxEvents;
        _traderReadLast = read.Journal == SymbolJournal.Trader;
        if (_traderReadLast)
            (_traderDone, _exchangeDone) = (reachedEnd, false);
        else
            _exchangeDone = reachedEnd;
    }
}
