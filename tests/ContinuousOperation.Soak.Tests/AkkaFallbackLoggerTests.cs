using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;

namespace ContinuousOperation.Soak.Tests;

/// <summary>What Akka logs while its loggers are detached (start-up, shutdown) goes through Serilog, not straight to
/// stdout with stack traces.</summary>
public sealed class AkkaFallbackLoggerTests
{
    [Fact]
    public async Task The_actor_system_uses_the_fallback_logger_that_hands_events_to_serilog()
    {
        var folder = Directory.CreateTempSubdirectory("fallback-logger-").FullName;
        try
        {
            var database = DatabaseTarget.SqliteFileAt(Path.Combine(folder, "journal.db"));
            await using var host = await ActorHost.StartAsync(database, userConfig: null, CancellationToken.None);

            Assert.IsType<AkkaFallbackLogger>(host.System.Settings.StdoutLogger);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
