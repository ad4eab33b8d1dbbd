namespace ContinuousOperation.Cli;

/// <summary>The process exit codes; CI pipelines gate on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    public const int Passed = 0;
    public const int CriterionFailed = 1;
    public const int Usage = 2;
    public const int Infrastructure = 3;

    /// <summary>128 + SIGINT, the shell convention for a process stopped by Ctrl+C.</summary>
    public const int Interrupted = 130;
}
