using ContinuousOperation.Cli;
using ContinuousOperation.Cli.Faults;
using ContinuousOperation.Domain.Faults;

namespace ContinuousOperation.Soak.Tests;

public sealed class FaultProfileFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fault-profiles-").FullName;

    [Fact]
    public void A_profile_file_sets_each_kind_it_names_and_is_named_after_the_file()
    {
        var path = Write("night-shift.hocon", """
            # A comment, as HOCON allows.
            faults {
              trader-crash    { rate-per-hour = 10, recovery-deadline = 30s }
              database-outage { rate-per-hour = 2,  recovery-deadline = 1m, duration = 8s }
              request-timeout { rate-per-hour = 0.5, recovery-deadline = 20s, count = 3 }
              request-error   { rate-per-hour = 6,  recovery-deadline = 20s }
            }
            """);

        var profile = FaultProfileFile.Load(path);

        Assert.Equal("night-shift", profile.Name);
        Assert.Equal(new FaultRule(10, TimeSpan.FromSeconds(30)), profile.Rules[FaultKind.TraderCrash]);
        Assert.Equal(new FaultRule(2, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(8)), profile.Rules[FaultKind.DatabaseOutage]);
        Assert.Equal(new FaultRule(0.5, TimeSpan.FromSeconds(20), Count: 3), profile.Rules[FaultKind.RequestTimeout]);
        Assert.Equal(1, profile.Rules[FaultKind.RequestError].Count);
        Assert.Equal(4, profile.Rules.Count);
    }

    [Fact]
    public void Node_faults_are_read_with_their_duration()
    {
        var path = Write("cluster.hocon", """
            faults {
              node-kill      { rate-per-hour = 1, recovery-deadline = 60s, duration = 5s }
              node-partition { rate-per-hour = 1, recovery-deadline = 60s, duration = 40s }
              node-leave     { rate-per-hour = 1, recovery-deadline = 45s, duration = 0.5s }
            }
            """);

        var profile = FaultProfileFile.Load(path);

        Assert.Equal(new FaultRule(1, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5)), profile.Rules[FaultKind.NodeKill]);
        Assert.Equal(new FaultRule(1, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(40)), profile.Rules[FaultKind.NodePartition]);
        Assert.Equal(new FaultRule(1, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(0.5)), profile.Rules[FaultKind.NodeLeave]);
    }

    [Fact]
    public void An_empty_faults_section_injects_nothing()
    {
        Assert.True(FaultProfileFile.Load(Write("quiet.hocon", "faults {}")).IsEmpty);
    }

    [Theory]
    [InlineData("faults { trader-krash { rate-per-hour = 1, recovery-deadline = 30s } }", "faults.trader-krash is not a fault kind; expected one of trader-crash, ")]
    [InlineData("faults { trader-crash = 3 }", "faults.trader-crash must be an object")]
    [InlineData("faults { trader-crash { recovery-deadline = 30s } }", "faults.trader-crash.rate-per-hour is missing")]
    [InlineData("faults { trader-crash { rate-per-hour = -1, recovery-deadline = 30s } }", "faults.trader-crash.rate-per-hour must be a number of faults per hour, 0 or more (got '-1')")]
    [InlineData("faults { trader-crash { rate-per-hour = often, recovery-deadline = 30s } }", "faults.trader-crash.rate-per-hour must be a number")]
    [InlineData("faults { trader-crash { rate-per-hour = 1 } }", "faults.trader-crash.recovery-deadline is missing")]
    [InlineData("faults { trader-crash { rate-per-hour = 1, recovery-deadline = 30 } }", "faults.trader-crash.recovery-deadline '30' has no unit: write 30s")]
    [InlineData("faults { trader-crash { rate-per-hour = 1, recovery-deadline = soon } }", "faults.trader-crash.recovery-deadline 'soon' is not a duration")]
    [InlineData("faults { trader-crash { rate-per-hour = 1, recovery-deadline = 0s } }", "faults.trader-crash.recovery-deadline '0s' must be a positive duration")]
    [InlineData("faults { trader-crash { rate-per-hour = 1, recovery-deadline = { s = 1 } } }", "faults.trader-crash.recovery-deadline must be a single value")]
    [InlineData("faults { trader-crash { rate-per-hour = 1, recovery-deadline = 30s, duration = 5s } }", "faults.trader-crash.duration does not apply to trader-crash; expected rate-per-hour, recovery-deadline")]
    [InlineData("faults { database-outage { rate-per-hour = 1, recovery-deadline = 30s } }", "faults.database-outage.duration is missing")]
    [InlineData("faults { node-kill { rate-per-hour = 1, recovery-deadline = 30s } }", "faults.node-kill.duration is missing")]
    [InlineData("faults { request-error { rate-per-hour = 1, recovery-deadline = 30s, count = 0 } }", "faults.request-error.count must be a whole number of requests, 1 or more (got '0')")]
    [InlineData("faults { request-error { rate-per-hour = 1, recovery-deadline = 30s, count = 2.5 } }", "faults.request-error.count must be a whole number")]
    [InlineData("faults { stream-silence { rate-per-hour = 1, recovery-deadline = 30s, duration = 8s, count = 2 } }", "faults.stream-silence.count does not apply to stream-silence; expected rate-per-hour, recovery-deadline, duration")]
    [InlineData("fault { trader-crash { rate-per-hour = 1, recovery-deadline = 30s } }", "fault is not expected; the file holds one 'faults { … }' section")]
    [InlineData("# nothing but a comment", "has no 'faults { … }' section")]
    [InlineData("faults = 3", "has no 'faults { … }' section")]
    public void A_bad_profile_file_is_a_usage_error_naming_the_file_and_the_key(string text, string expected)
    {
        var path = Write("bad.hocon", text);

        var error = Assert.Throws<UsageException>(() => FaultProfileFile.Load(path));

        Assert.StartsWith($"--faults {path}", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_profile_file_that_cannot_be_read_is_a_usage_error()
    {
        var error = Assert.Throws<UsageException>(() => FaultProfileFile.Load(_folder));

        Assert.StartsWith($"--faults {_folder} cannot be read", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
