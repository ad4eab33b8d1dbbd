using ContinuousOperation.Cli.Cluster;
using ContinuousOperation.Cli.Database;

namespace ContinuousOperation.Cli.Commands;

/// <summary>A validated <c>cluster</c> command line: the run's options, the shared database they name, and where
/// every member listens.</summary>
internal sealed record ClusterRunOptions(RunOptions Run, DatabaseTarget Database, ClusterLayout Layout);
