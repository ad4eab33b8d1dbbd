using System.CommandLine;
using ContinuousOperation.Cli.Cluster;
using ContinuousOperation.Cli.Hosting;

namespace ContinuousOperation.Cli.Commands;

/// <summary>The <c>cluster</c> verb: the run options exactly as <c>run</c> parses them (the same options, rules and
/// binding, taken from a <see cref="RunCommand"/>; <c>--resume</c> aside, which has no cluster meaning yet), plus the
/// cluster's size and addresses.</summary>
internal sealed class ClusterCommand : Command
{
    public const int MaxNodes = 16;

    private readonly RunCommand _run = new();
    private readonly Option<int> _nodes = OptionRules.Number<int>("--nodes", $"Node processes to start, 1 to {MaxNodes}").AtLeast(1).AtMost(MaxNodes);
    private readonly Option<string> _hostname = OptionRules.Text("--hostname", $"Address every member's remoting binds to [default: {ClusterLayout.DefaultHostname}]");
    private readonly Option<string> _publicHostname = OptionRules.Text("--public-hostname", "Host name the members reach each other by, when it differs from --hostname");
    private readonly Option<int> _basePort = OptionRules.Number<int>("--base-port", "Port of the launcher; node K gets the base port + K [default: free ports]").AtLeast(1).AtMost(65535 - MaxNodes);

    public ClusterCommand(ProcessSignals? signals = null) : base("cluster", "Start a cluster of node processes and run the soak across them")
    {
        foreach (var option in _run.Options.Where(o => o.Name != "--resume")) Options.Add(option);
        foreach (var validator in _run.Validators) Validators.Add(validator);
        _nodes.Required = true;
        Options.Add(_nodes);
        Options.Add(_hostname);
        Options.Add(_publicHostname);
        Options.Add(_basePort);
        SetAction((parse, cancellationToken) =>
        {
            var options = Bind(parse);
            if (_run.IsDryRun(parse)) return Task.FromResult(DryRun.Print(options.Run with { Database = options.Database }, options.Layout));
            return ClusterVerb.ExecuteAsync(
                options, signals ?? throw new InvalidOperationException("a cluster needs the process's signal handling"), cancellationToken);
        });
    }

    /// <exception cref="UsageException">A run option cannot be used, or the database is not PostgreSQL.</exception>
    public ClusterRunOptions Bind(ParseResult parse)
    {
        var run = _run.Bind(parse);
        var nodes = parse.GetValue(_nodes);
        var basePort = parse.GetResult(_basePort) is { Implicit: false } ? parse.GetValue(_basePort) : (int?)null;
        return new ClusterRunOptions(
            run,
            ClusterDatabase.Require(run.Database),
            ClusterLayout.Plan(nodes, parse.GetValue(_hostname), parse.GetValue(_publicHostname), basePort));
    }
}
