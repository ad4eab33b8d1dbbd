using System.IO.Compression;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ContinuousOperation.Soak.Tests;

/// <summary>The CLI is installable as a .NET tool (README, "Installing as a dotnet tool"): packed from the build the tests
/// use, installed from that folder alone (no other package source, so it works offline), and started by its command
/// name from a folder that holds nothing else, so what it loads at run time (hocon/, native libraries) must have come
/// from the package.</summary>
public sealed class ToolPackageTests : IDisposable
{
    private const string PackageId = "ContinuousOperation.Cli";
    private const string Command = "continuous-operation";
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(3);

    private readonly string _root = Directory.CreateTempSubdirectory("tool-package-").FullName;

    [Fact]
    public async Task The_packed_tool_installs_from_its_folder_and_runs_help_and_a_short_run()
    {
        var packages = Path.Combine(_root, "packages");
        var tools = Path.Combine(_root, "tools");
        var pack = await DotnetAsync(Repository.Root, "pack", Path.Combine("src", "ContinuousOperation.Cli"),
            "-c", Configuration(), "--no-build", "-o", packages);
        Assert.True(pack.ExitCode == 0, pack.ToString());

        var package = Assert.Single(Directory.GetFiles(packages, $"{PackageId}.*.nupkg"));
        using (var archive = ZipFile.OpenRead(package))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains(entries, e => e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
            foreach (var hocon in Directory.GetFiles(Path.Combine(Repository.Root, "hocon"), "*.hocon"))
            {
                Assert.Contains(entries, e => e.EndsWith($"/hocon/{Path.GetFileName(hocon)}", StringComparison.Ordinal));
            }
        }

        // The local folder is the only source: nothing is asked of nuget.org, and a package missing from the folder fails.
        var config = Path.Combine(_root, "nuget.config");
        await File.WriteAllTextAsync(config,
            $"""<configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>""");
        var install = await DotnetAsync(_root, "tool", "install", PackageId, "--tool-path", tools, "--configfile", config);
        Assert.True(install.ExitCode == 0, install.ToString());

        var help = await ToolAsync(tools, "--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        foreach (var verb in new[] { "run", "reconcile", "compare", "cluster" }) Assert.Contains(verb, help.StandardOutput);

        var reports = Path.Combine(_root, "reports");
        var run = await ToolAsync(tools, "run", "--duration", "5s", "--symbol-count", "1", "--seed", "7", "--report-dir", reports);
        // A 5 s run may judge its trading floors either way; what it must not be is a failure to start or to report.
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        var folder = Assert.Single(Directory.GetDirectories(reports));
        Assert.Single(Directory.GetFiles(folder, "continuous_operation_*.json"));
        Assert.True(File.Exists(Path.Combine(folder, "report.html")), run.ToString());
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "charts"), "*.png"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Task<CliResult> DotnetAsync(string workingDirectory, params string[] arguments) =>
        StartAsync("dotnet", workingDirectory, arguments);

    /// <summary>Started by its command name, from a folder outside the repository, as an operator would.</summary>
    private Task<CliResult> ToolAsync(string tools, params string[] arguments) =>
        StartAsync(Path.Combine(tools, Command), _root, arguments);

    private static Task<CliResult> StartAsync(string fileName, string workingDirectory, string[] arguments) =>
        ProgramProcess.RunAsync(fileName, arguments, workingDirectory, new Dictionary<string, string>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            // The tool's launcher finds .NET where it is installed for this test run, wherever that is.
            ["DOTNET_ROOT"] = DotnetRoot(),
        }, Step);

    /// <summary>The folder above <c>shared/Microsoft.NETCore.App/{version}/</c>, the runtime this test runs on.</summary>
    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>Release or Debug, as the tests (and with them the CLI they reference) were built.</summary>
    private static string Configuration() =>
        typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
}
