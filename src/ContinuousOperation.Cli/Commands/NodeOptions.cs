using Akka.Configuration;
using ContinuousOperation.Cli.Cluster;
using ContinuousOperation.Cli.Database;

namespace ContinuousOperation.Cli.Commands;

/// <summary>A validated <c>node</c> command line.</summary>
internal sealed record NodeOptions(ClusterMember Member, DatabaseTarget Database, Config? UserConfig, string LogFile, int? LauncherPid);
