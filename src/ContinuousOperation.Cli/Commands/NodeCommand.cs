using System.CommandLine;
using ContinuousOperation.Actors.Cluster;
using ContinuousOperation.Cli.Cluster;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Cli.Parsing;
using ContinuousOperation.Cli.Reporting;

namespace ContinuousOperation.Cli.Commands;

/// <summary>The <c>node</c> verb: one member of a cluster-mode soak, which joins the cluster through its seed nodes and
/// stays until it is stopped (SIGTERM/Ctrl+C: it leaves gracefully, exit 0), removed from the cluster (exit 3), or
/// its launcher is gone (it leaves, exit 3). The <c>cluster</c> launcher starts its nodes with this verb; on several
/// hosts each host starts its own.</summary>
internal sealed class NodeCommand : Command
{
    private readonly Option<string> _seedNodes = OptionRules.Text("--seed-nodes", $"Addresses of the seed nodes, comma-separated, e.g. {ClusterAddress.Of("127.0.0.1", 4053)}");
    private readonly Option<int> _port = OptionRules.Number<int>("--port", "Port remoting listens on [default: cluster.hocon's, 0 = any free port]").NotNegative().AtMost(65535);
    private readonly Option<string> _hostname = OptionRules.Text("--hostname", $"Address remoting binds to [default: cluster.hocon's, {ClusterLayout.DefaultHostname}]");
    private readonly Option<string> _publicHostname = OptionRules.Text("--public-hostname", "Host name the other members reach this one by, when it differs from --hostname");
    private readonly Option<string> _roles = OptionRules.Text("--roles", "Cluster roles of this node, comma-separated", ClusterRunTree.TradingRole);
    private readonly DatabaseOptions _database = new("The journal database every member shares: a PostgreSQL 'Host=…' connection string") { Required = true };
    private readonly Option<string> _config = OptionRules.Text("--config", "Extra HOCON file, applied on top of everything else");
    private readonly Option<string> _logFile = OptionRules.Text("--log-file", "Log file of this node [default: node-PORT.log, or node-PID.log without --port]");
    private readonly Option<string> _runFolder = OptionRules.Text("--run-folder", "Folder of the run this node hosts: its run.json says which (the launcher's run folder, or a copy of it on another host)");
    private readonly Option<int> _launcherPid = OptionRules.Number<int>("--launcher-pid", "Process id of the launcher: when that process is gone, the node leaves and exits").Positive();

    public NodeCommand(ProcessSignals? signals = null) : base("node", "Run one member of a cluster-mode soak until it is stopped or removed")
    {
        _seedNodes.Required = true;
        _runFolder.Required = true;
        _runFolder.HelpName = "FOLDER";
        _seedNodes.HelpName = "ADDRESS[,ADDRESS…]";
        _seedNodes.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && !SeedNodeListParser.TryParse(token.Value, out _, out var error) && !string.IsNullOrWhiteSpace(token.Value)) result.AddError(error);
        });
        _roles.Validators.Add(result =>
        {
            if (result.Tokens is not [var token]) return;
            var roles = RoleNames(token.Value);
            if (roles.Length == 0) result.AddError($"--roles needs at least one role, e.g. {ClusterRunTree.TradingRole}");
            else if (roles.FirstOrDefault(r => !r.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')) is { } bad)
                result.AddError($"--roles: '{bad}' is not a role name (lower-case letters, digits and '-')");
        });
        Options.Add(_seedNodes);
        Options.Add(_port);
        Options.Add(_hostname);
        Options.Add(_publicHostname);
        Options.Add(_roles);
        Options.Add(_runFolder);
        _database.AddTo(this);
        Options.Add(_config);
        _logFile.HelpName = "PATH";
        Options.Add(_logFile);
        _launcherPid.HelpName = "PID";
        Options.Add(_launcherPid);
        SetAction((parse, cancellationToken) => NodeVerb.ExecuteAsync(
            Bind(parse), signals ?? throw new InvalidOperationException("a node needs the process's signal handling"), cancellationToken));
    }

    /// <exception cref="UsageException">The database is not PostgreSQL, or a value cannot be used.</exception>
    public NodeOptions Bind(ParseResult parse)
    {
        SeedNodeListParser.TryParse(parse.GetValue(_seedNodes)!, out var seeds, out _);
        var port = parse.GetResult(_port) is { Implicit: false } ? parse.GetValue(_port) : (int?)null;
        // The database first: a node on SQLite is told how to get PostgreSQL, whatever else is wrong.
        var database = ClusterDatabase.Require(_database.Resolve(parse));
        var run = RunFile.Read(parse.GetValue(_runFolder)!, "--run-folder");
        var member = new ClusterMember(seeds, RoleNames(parse.GetValue(_roles)!))
        {
            Run = run.Settings.ToSettings(run.Run),
            Hostname = parse.GetValue(_hostname),
            PublicHostname = parse.GetValue(_publicHostname),
            Port = port,
        };
        var config = parse.GetValue(_config);
        return new NodeOptions(
            member,
            database,
            config is null ? null : UserConfigFile.Read(config),
            parse.GetValue(_logFile) ?? $"node-{port?.ToString() ?? Environment.ProcessId.ToString()}.log",
            parse.GetResult(_launcherPid) is { Implicit: false } ? parse.GetValue(_launcherPid) : null);
    }

    private static string[] RoleNames(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
