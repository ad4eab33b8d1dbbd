using ContinuousOperation.Actors;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Run;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Gateway;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Cli.Reporting;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Cli.Commands;

/// <summary>A validated <c>exchange</c> command line.</summary>
internal sealed record ExchangeOptions(
    IReadOnlyList<Instrument> Instruments, MarketSettings Market, int Seed, TimeSpan Duration, GatewayOptions Gateway,
    DatabaseTarget? Database, string ReportDirectory);

/// <summary>What <c>exchange</c> does: database → actor system → venue → gateway → the URL on stdout → serve until
/// the duration ends (exit 0) or a signal comes (exit 130) → stop. The books journal as in a run; the keys are never
/// printed or logged (only the accounts are).</summary>
internal static class ExchangeVerb
{
    public static async Task<int> ExecuteAsync(ExchangeOptions options, ProcessSignals signals, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var database = options.Database ?? DatabaseTarget.SqliteFileAt(RunFolder.Create(options.ReportDirectory, startedAt, options.Seed).JournalFile);
        await DatabasePreparation.PrepareForRunAsync(database, cancellationToken);
        await using var host = await ActorHost.StartAsync(database, userConfig: null, cancellationToken);
        var settings = new ExchangeSettings(
            options.Instruments, options.Market, FeeSchedule.Default, options.Seed, Speed: 1, RunTopology.TickInterval(options.Instruments.Count),
            HeartbeatInterval: TimeSpan.FromSeconds(1), RestartBackoff.Default)
        {
            Run = RunId.New(startedAt, options.Seed, Random.Shared),
        };
        var exchange = StandaloneVenue.Start(host.System, settings);
        var symbols = options.Instruments.Select(i => i.Symbol).ToArray();
        await using var gateway = await ListenAsync(host, exchange, symbols, options.Gateway, cancellationToken);

        Console.WriteLine($"exchange listening on {gateway.Address} for {string.Join(", ", symbols.Select(WireSymbols.ToWire))} " +
                          $"(seed {options.Seed}, run {settings.Run.Value}, journal {database.Describe().Location}, {options.Gateway.Keys})");
        var stop = signals.ServiceStarted();
        try
        {
            await Task.Delay(options.Duration, stop);
            Console.WriteLine("exchange: the duration is over; stopped");
            return ExitCodes.Passed;
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("exchange: interrupted; stopped");
            return ExitCodes.Interrupted;
        }
    }

    private static async Task<ExchangeGateway> ListenAsync(
        ActorHost host, Akka.Actor.IActorRef exchange, Symbol[] symbols, GatewayOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await ExchangeGateway.StartAsync(host.System, exchange, symbols, options, TimeProvider.System, cancellationToken);
        }
        catch (IOException e)
        {
            // Kestrel's "address already in use" and an address this machine does not have.
            throw new InfrastructureException($"cannot listen on {options.Bind}:{options.Port}: {e.Message}", e);
        }
    }
}
