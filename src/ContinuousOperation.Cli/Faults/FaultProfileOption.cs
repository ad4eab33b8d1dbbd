using ContinuousOperation.Domain.Faults;

namespace ContinuousOperation.Cli.Faults;

/// <summary>What <c>--faults</c> means: a built-in profile by name, otherwise a profile file. Without the option a run
/// injects none, and <c>--quick</c> (the everyday check) the light profile.</summary>
internal static class FaultProfileOption
{
    public const string HelpName = "none|light|heavy|FILE";

    public const string Description =
        "Faults to inject: a built-in profile or a HOCON profile file [default: none; light with --quick]";

    /// <exception cref="UsageException">The value is neither a built-in profile nor a usable profile file.</exception>
    public static FaultProfile Resolve(string? value, bool quick)
    {
        if (value is null) return quick ? FaultProfile.Light : FaultProfile.None;
        if (FaultProfile.Named(value) is { } builtIn) return builtIn;
        if (!File.Exists(value))
        {
            throw new UsageException($"--faults: '{value}' is neither a built-in profile (none, light, heavy) nor an existing file");
        }

        return FaultProfileFile.Load(value);
    }
}
