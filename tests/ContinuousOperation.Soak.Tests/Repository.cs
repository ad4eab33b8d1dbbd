namespace ContinuousOperation.Soak.Tests;

/// <summary>The repository the tests were built from: its documents and its CLI project.</summary>
internal static class Repository
{
    /// <summary>The folder holding <c>ContinuousOperation.sln</c>, above the tests' build output.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ContinuousOperation.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException($"no ContinuousOperation.sln above {AppContext.BaseDirectory}");
    }
}
