using System.Globalization;
using System.Text;
using ContinuousOperation.Cli.Cluster;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Cli.Parsing;
using ContinuousOperation.Domain.Faults;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Cli.Commands;

/// <summary>
/// <c>run --dry-run</c> and <c>cluster --dry-run</c>: the command line has been parsed and bound (every option, the
/// <c>--config</c> file and a fault profile file are checked there, exit 2 on a mistake); this also reads the HOCON files
/// the run would load, then prints what the run would do. No side effects: no run folder, no journal, no actor system,
/// and the database is not contacted (a real run checks it before it starts, exit 3 if it does not answer).
/// </summary>
internal static class DryRun
{
    public const string Description =
        "Check every option and the configuration, print what the run would do (symbols, simulated hours, estimated " +
        "orders and journal size, the fault schedule) and exit 0 (2 on a mistake); nothing is started or written and " +
        "the database is not contacted";

    /// <summary>Longer schedules (a heavy profile over hours) are summarised per kind after this many faults.</summary>
    private const int FaultsListed = 20;

    public static int Print(RunOptions options, ClusterLayout? cluster = null)
    {
        var hocon = AkkaComposition.ReadHoconFiles(options.Database?.Kind ?? DatabaseKind.Sqlite, cluster is not null);
        Console.Out.Write(Render(options, hocon, cluster));
        return ExitCodes.Passed;
    }

    private static string Render(RunOptions options, IReadOnlyList<string> hoconFiles, ClusterLayout? cluster)
    {
        var settings = options.Settings;
        var symbols = settings.Symbols.ToArray();
        var estimate = RunEstimates.For(settings.Duration, settings.Speed, symbols.Length);
        var scope = cluster is null ? FaultScope.SingleNode : FaultScope.Cluster(cluster.NodePorts.Count);
        var faults = FaultSchedule.Plan(settings.Faults, settings.Seed, estimate.SimulatedDuration, symbols, scope);

        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"Dry run: nothing was started or written, and the database was not contacted.");
        Line($"Run of {DurationParser.Format(settings.Duration)} at speed {settings.Speed}x: {DurationParser.Format(estimate.SimulatedDuration)} of simulated market time per symbol");
        Line($"Symbols ({symbols.Length}): {Listed(symbols.Select(s => s.Value), 12)}");
        Line($"Seed {settings.Seed} (give --seed {settings.Seed} to run exactly this plan); market {settings.Market.Condition.ToString().ToLowerInvariant()}, daily volatility {settings.Market.DailyVolatility}");
        Line($"Database: {DatabaseLine(options)}");
        Line($"Run folder: {Path.Combine(Path.GetFullPath(options.ReportDirectory), $"run_<UTC start>_seed{settings.Seed}")}");
        Line($"Configuration: {string.Join(", ", hoconFiles.Select(Path.GetFileName))}{(options.ConfigFile is { } config ? $", then {config}" : "")} (read and checked)");
        if (cluster is not null)
        {
            Line($"Cluster: launcher on {cluster.AdvertisedHost}:{cluster.LauncherPort}, {cluster.NodePorts.Count} node(s) on ports {string.Join(", ", cluster.NodePorts)}");
        }

        Line($"Sampling every {DurationParser.Format(settings.SampleInterval)}, progress every {DurationParser.Format(settings.ProgressInterval)}, reconciliation every {DurationParser.Format(settings.ReconcileInterval)}");
        Line($"Estimated (from rates measured on a 2-core machine; a loaded machine trades less): {estimate.Orders:N0} orders, {estimate.Fills:N0} fills, {estimate.JournalEvents:N0} journal events, {Megabytes(estimate.JournalBytes)} of journal");
        FaultLines(text, settings, faults);
        return text.ToString();
    }

    private static string DatabaseLine(RunOptions options) => options.Database?.Describe() is { } given
        ? $"{given.Kind} {given.Location} (checked when the run starts)"
        : "sqlite journal.db in the run folder (created when the run starts)";

    private static void FaultLines(StringBuilder text, RunSettings settings, IReadOnlyList<ScheduledFault> faults)
    {
        if (faults.Count == 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Faults: {settings.Faults.Name}, none planned");
            return;
        }

        var perKind = faults.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key.Name()}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Faults: {settings.Faults.Name}, {faults.Count:N0} planned ({string.Join(", ", perKind)}); times after the fault clock starts (once every book and trader is up):");
        foreach (var fault in faults.Take(FaultsListed))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  #{fault.Id,-4} simulated {Clock(fault.At)}  wall {Clock(fault.At / settings.Speed)}  {fault.Kind.Name(),-17} {fault.Target}, recovery deadline {DurationParser.Format(fault.RecoveryDeadline)}");
        }

        if (faults.Count > FaultsListed) text.AppendLine(CultureInfo.InvariantCulture, $"  … and {faults.Count - FaultsListed:N0} more");
    }

    private static string Listed(IEnumerable<string> items, int shown)
    {
        var all = items.ToArray();
        return all.Length <= shown ? string.Join(", ", all) : $"{string.Join(", ", all.Take(shown))} … and {all.Length - shown} more";
    }

    private static string Clock(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}h{time.Minutes:00}m{time.Seconds:00}s");

    private static string Megabytes(long bytes) => bytes >= 1_000_000_000
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.#} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.#} MB");
}
