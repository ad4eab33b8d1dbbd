namespace ContinuousOperation.Cli;

/// <summary>The command line or configuration is wrong; its message is the one line shown to the user (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Something outside the program failed (database unreachable, …); its message is shown as one line (exit code 3).</summary>
internal sealed class InfrastructureException(string message, Exception? inner = null) : Exception(message, inner);
