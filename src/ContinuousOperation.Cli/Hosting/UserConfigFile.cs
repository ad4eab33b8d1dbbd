using Akka.Configuration;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>Reads <c>--config FILE.hocon</c> up front, so a missing or malformed file is a usage error (exit 2)
/// reported before anything starts, not an exception from inside the actor system.</summary>
internal static class UserConfigFile
{
    public static Config? Load(FileInfo? file)
    {
        if (file is null) return null;
        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--config {file.FullName} cannot be read: {e.Message}");
        }

        try
        {
            return ConfigurationFactory.ParseString(text);
        }
        catch (Exception e)
        {
            // The HOCON parser throws several unrelated exception types; any of them means the same thing here.
            throw new UsageException($"--config {file.FullName} is not valid HOCON: {e.Message.Split('\n')[0]}");
        }
    }
}
