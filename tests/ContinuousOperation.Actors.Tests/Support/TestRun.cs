using ContinuousOperation.Actors.Consistency;
using ContinuousOperation.Domain.Consistency;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Actors.Tests.Support;

/// <summary>The run every actor test's journals belong to, and what reconciling it must find.</summary>
internal static class TestRun
{
    public static readonly RunId Id = RunId.New(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero), 42, new Random(1));

    /// <summary>A drained run of <paramref name="symbols"/>.</summary>
    public static Reconcile Reconcile(params Symbol[] symbols) => new(new JournalExpectation(Id, symbols, Drained: true));
}
