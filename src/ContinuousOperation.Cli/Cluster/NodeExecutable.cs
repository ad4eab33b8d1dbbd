namespace ContinuousOperation.Cli.Cluster;

/// <summary>How to start this same program again as a <c>node</c>: the apphost (<c>continuous-operation</c>) as it is,
/// or <c>dotnet continuous-operation.dll</c> when that is how this process was started.</summary>
internal sealed record NodeExecutable(string FileName, IReadOnlyList<string> LeadingArguments)
{
    public static NodeExecutable OfThisProcess()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process's executable is unknown");
        return Path.GetFileNameWithoutExtension(path) == "dotnet" ? Dotnet(typeof(NodeExecutable).Assembly.Location) : new(path, []);
    }

    public static NodeExecutable Dotnet(string assembly) => new("dotnet", [assembly]);
}
