namespace ContinuousOperation.Domain.Run;

/// <summary>What a run is expected to produce, for <c>run --dry-run</c>: an estimate from rates measured on short runs
/// (<see cref="RunEstimates"/>), not a promise; a loaded machine trades less.</summary>
public sealed record RunEstimate(TimeSpan SimulatedDuration, long Orders, long Fills, long JournalEvents, long JournalBytes);

/// <summary>
/// Scales rates measured per symbol and simulated minute to a run's symbols, duration and speed. The rates fall with
/// speed (a trader waits for its replies before deciding again, and a book's step covers more simulated time), so they
/// were measured at several speeds and are interpolated on a log scale of the speed between them; outside the measured
/// range the nearest measurement stands.
/// </summary>
public static class RunEstimates
{
    /// <summary>Per symbol and simulated minute of uptime. Measured on 2026-11-28, one run per speed, with
    /// <c>run --duration 60s --symbol-count 2 --faults none --seed 7 --speed S</c> on the shared 2-core development
    /// machine (docs/operations.md, "Dry run"): orders placed, orders filled, trader and exchange events read back by
    /// the reconciliation, and the size of <c>journal.db</c> (rows and indexes; the empty schema is 36 KB). At speed 1 a book
    /// journals many small events, at high speeds fewer, larger batches: bytes per simulated minute fall with speed too.</summary>
    private static readonly MeasuredRate[] Measured =
    [
        new(Speed: 1, Orders: 31, Fills: 30, JournalEvents: 427, JournalBytes: 146_000),
        new(Speed: 10, Orders: 30, Fills: 26, JournalEvents: 238, JournalBytes: 86_000),
        new(Speed: 60, Orders: 23, Fills: 20, JournalEvents: 150, JournalBytes: 72_000),
        new(Speed: 200, Orders: 12, Fills: 9, JournalEvents: 71, JournalBytes: 39_000),
    ];

    public static RunEstimate For(TimeSpan duration, double speed, int symbols)
    {
        var simulated = duration * speed;
        var symbolMinutes = simulated.TotalMinutes * symbols;
        var rate = RateAt(speed);
        return new RunEstimate(simulated,
            Orders: (long)Math.Round(rate.Orders * symbolMinutes),
            Fills: (long)Math.Round(rate.Fills * symbolMinutes),
            JournalEvents: (long)Math.Round(rate.JournalEvents * symbolMinutes),
            JournalBytes: (long)Math.Round(rate.JournalBytes * symbolMinutes));
    }

    private static MeasuredRate RateAt(double speed)
    {
        if (speed <= Measured[0].Speed) return Measured[0];
        if (speed >= Measured[^1].Speed) return Measured[^1];
        var above = Array.FindIndex(Measured, m => m.Speed >= speed);
        var (low, high) = (Measured[above - 1], Measured[above]);
        var t = Math.Log(speed / low.Speed) / Math.Log(high.Speed / low.Speed);
        return new MeasuredRate(speed,
            Between(low.Orders, high.Orders, t), Between(low.Fills, high.Fills, t),
            Between(low.JournalEvents, high.JournalEvents, t), Between(low.JournalBytes, high.JournalBytes, t));
    }

    private static double Between(double low, double high, double t) => low + (high - low) * t;

    private sealed record MeasuredRate(double Speed, double Orders, double Fills, double JournalEvents, double JournalBytes);
}
