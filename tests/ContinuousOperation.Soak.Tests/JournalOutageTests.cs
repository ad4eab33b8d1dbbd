using Akka.Actor;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;
using Microsoft.Data.Sqlite;

namespace ContinuousOperation.Soak.Tests;

/// <summary>
/// The journal exactly as the CLI configures it, during a SQLite outage: a persist fails because the database is
/// locked. Had the journal kept waiting for the lock (Microsoft.Data.Sqlite retries busy statements for 30 s unless
/// told otherwise) the write would only be delayed, or end in the journal's circuit-breaker timeout instead.
/// </summary>
public sealed class JournalOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _folder = Directory.CreateTempSubdirectory("journal-outage-").FullName;
    private DatabaseTarget Database => DatabaseTarget.SqliteFileAt(Path.Combine(_folder, "journal.db"));
    private ActorHost _host = null!;

    public async Task InitializeAsync()
    {
        await DatabasePreparation.PrepareForRunAsync(Database, CancellationToken.None);
        _host = await ActorHost.StartAsync(Database, userConfig: null, CancellationToken.None);
    }

    [Fact]
    public async Task A_persist_during_an_outage_fails_because_the_database_is_locked()
    {
        var writer = _host.System.ActorOf(TraderEventWriter.Props());
        var opened = TraderEventWriter.Opened();
        Assert.Equal("persisted", await writer.Ask<string>(opened, ReplyTimeout));

        await using (await DatabaseOutages.For(Database).BeginAsync(CancellationToken.None))
        {
            var reply = await writer.Ask<string>(opened, ReplyTimeout);
            Assert.StartsWith("failed", reply);
            Assert.Contains("database is locked", reply);
        }
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(Database.ConnectionString));
        Directory.Delete(_folder, recursive: true);
    }
}
