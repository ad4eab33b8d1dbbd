using ContinuousOperation.Cli;
using ContinuousOperation.Cli.Commands;
using ContinuousOperation.Cli.Faults;

namespace ContinuousOperation.Soak.Tests;

/// <summary><c>run --faults none|light|heavy|FILE</c>, and <c>--quick</c> implying the light profile.</summary>
public sealed class FaultsOptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faults-option-").FullName;

    [Theory]
    [InlineData(new string[0], "none")]
    [InlineData(new[] { "--quick" }, "light")]
    [InlineData(new[] { "--quick", "--faults", "none" }, "none")]
    [InlineData(new[] { "--duration", "2h", "--faults", "heavy" }, "heavy")]
    public void The_run_settings_carry_the_chosen_profile(string[] arguments, string expected)
    {
        var command = new RunCommand();

        var options = command.Bind(command.Parse(arguments));

        Assert.Equal(expected, options.Settings.Faults.Name);
    }

    [Fact]
    public void Any_other_value_is_read_as_a_profile_file()
    {
        var path = Path.Combine(_folder, "mine.conf");
        File.WriteAllText(path, "faults { exchange-crash { rate-per-hour = 1, recovery-deadline = 45s } }");

        Assert.Equal("mine", FaultProfileOption.Resolve(path, quick: true).Name);
    }

    [Fact]
    public void A_value_that_is_neither_a_profile_nor_a_file_is_a_usage_error()
    {
        var error = Assert.Throws<UsageException>(() => FaultProfileOption.Resolve("medium", quick: false));

        Assert.Equal("--faults: 'medium' is neither a built-in profile (none, light, heavy) nor an existing file", error.Message);
    }

    [Fact]
    public async Task A_bad_profile_file_stops_the_run_before_it_starts_with_exit_code_2_and_one_line()
    {
        var path = Path.Combine(_folder, "typo.hocon");
        await File.WriteAllTextAsync(path, "faults { trader-crash { rate-per-hour = 1 } }");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1),
            "run", "--duration", "10s", "--faults", path, "--report-dir", _folder);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"continuous-operation: --faults {path}: faults.trader-crash.recovery-deadline is missing", result.StandardError.Trim());
        Assert.Empty(Directory.GetDirectories(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
