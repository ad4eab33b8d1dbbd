using Akka.Configuration;

namespace ContinuousOperation.Cli.Parsing;

/// <summary>Reads a HOCON file named by an option up front, so a missing or malformed file is a usage error (exit 2)
/// reported before anything starts, not an exception from inside the actor system.</summary>
internal static class HoconFileReader
{
    /// <param name="option">The option that named the file, for error messages.</param>
    /// <exception cref="UsageException">The file cannot be read or is not HOCON.</exception>
    public static Config Read(string option, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {path} cannot be read: {e.Message}");
        }

        if (HoconStructure.FirstUnbalanced(text) is { } problem) throw new UsageException($"{option} {path} is not valid HOCON: {problem}");
        try
        {
            return ConfigurationFactory.ParseString(text);
        }
        catch (Exception e)
        {
            // The HOCON parser throws several unrelated exception types; any of them means the same thing here.
            throw new UsageException($"{option} {path} is not valid HOCON: {e.Message.Split('\n')[0]}");
        }
    }
}
