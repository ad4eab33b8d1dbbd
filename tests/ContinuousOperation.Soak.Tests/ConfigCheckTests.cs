using Akka.Configuration;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Cli.Parsing;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Soak.Tests;

/// <summary>What <c>--config</c> and <c>--faults</c> files must be before a run starts.</summary>
public sealed class ConfigCheckTests
{
    [Theory]
    [InlineData("base.hocon")]
    [InlineData("persistence-sqlite.hocon")]
    [InlineData("persistence-postgres.hocon")]
    public void The_shipped_configuration_passes_the_check(string file)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hocon", file));

        Assert.Null(HoconStructure.FirstUnbalanced(text));
        Assert.Null(UserConfigFile.Check(ConfigurationFactory.ParseString(text)));
    }

    [Theory]
    [InlineData("akka.loglevel = debug")]
    [InlineData("akka.persistence.journal.sql { parallelism = 6, batch-size = 200 }")]
    [InlineData("akka.persistence.query.journal.sql.refresh-interval = 500ms")]
    [InlineData("akka.persistence.journal.sql.read-isolation-level = read-committed")]
    [InlineData("akka.log-config-on-start = on")]
    [InlineData("continuous-operation.snapshots.every-events = 0")]
    [InlineData("continuous-operation.snapshots.every-events = 20000")]
    [InlineData("continuous-operation.snapshots.every = 10m")]
    [InlineData("continuous-operation.snapshots.every = 0")]
    [InlineData("continuous-operation.snapshots.every = off")]
    [InlineData("some.setting.we.do.not.know = anything")]
    public void Valid_settings_pass(string hocon)
    {
        Assert.Null(UserConfigFile.Check(ConfigurationFactory.ParseString(hocon)));
    }

    [Theory]
    [InlineData("akka.loglevel = 42", "akka.loglevel")]
    [InlineData("akka.loglevel = LOUD", "akka.loglevel")]
    [InlineData("akka.persistence.journal.sql.parallelism = not-a-number", "akka.persistence.journal.sql.parallelism")]
    [InlineData("akka.persistence.journal.sql.parallelism = 0", "akka.persistence.journal.sql.parallelism")]
    [InlineData("akka.persistence.journal.sql.batch-size = -1", "akka.persistence.journal.sql.batch-size")]
    [InlineData("akka.persistence.journal.sql.buffer-size = 1.5", "akka.persistence.journal.sql.buffer-size")]
    [InlineData("akka.persistence.journal.sql.replay-batch-size = many", "akka.persistence.journal.sql.replay-batch-size")]
    [InlineData("akka.persistence.query.journal.sql.refresh-interval = soon", "akka.persistence.query.journal.sql.refresh-interval")]
    [InlineData("akka.coordinated-shutdown.default-phase-timeout = 0s", "akka.coordinated-shutdown.default-phase-timeout")]
    [InlineData("akka.persistence.journal.sql.tag-write-mode = Sometimes", "akka.persistence.journal.sql.tag-write-mode")]
    [InlineData("akka.log-config-on-start = maybe", "akka.log-config-on-start")]
    [InlineData("akka.persistence.journal.sql.prefer-parameters-on-multirow-insert = sometimes", "akka.persistence.journal.sql.prefer-parameters-on-multirow-insert")]
    [InlineData("continuous-operation.snapshots.every-events = -1", "continuous-operation.snapshots.every-events")]
    [InlineData("continuous-operation.snapshots.every-events = often", "continuous-operation.snapshots.every-events")]
    [InlineData("continuous-operation.snapshots.every = often", "continuous-operation.snapshots.every")]
    [InlineData("continuous-operation.snapshots.every = -5m", "continuous-operation.snapshots.every")]
    [InlineData("continuous-operation.snapshots.every = infinite", "continuous-operation.snapshots.every")]
    public void A_known_key_with_a_wrong_value_is_named(string hocon, string key)
    {
        var problem = UserConfigFile.Check(ConfigurationFactory.ParseString(hocon));

        Assert.NotNull(problem);
        Assert.StartsWith(key + " ", problem);
    }

    [Theory]
    [InlineData("every-events = 2000\nevery = 5m", 2_000, 5)]
    [InlineData("every = off", 5_000, 0)]
    [InlineData("every = 0", 5_000, 0)]
    [InlineData("every-events = 0", 0, 10)]
    public void The_snapshot_policy_takes_both_triggers_from_the_configuration(string snapshots, long everyEvents, int everyMinutes)
    {
        var policy = SnapshotConfig.Read(ConfigurationFactory.ParseString($"continuous-operation.snapshots {{ {snapshots} }}"));

        Assert.Equal(new SnapshotPolicy(everyEvents) { Every = TimeSpan.FromMinutes(everyMinutes) }, policy);
    }

    [Theory]
    [InlineData("{{{", "line 1: '{' is never closed")]
    [InlineData("a {\n  b = 1\n", "line 1: '{' is never closed")]
    [InlineData("a = 1\n}", "line 2: '}' closes nothing")]
    [InlineData("a = [1, 2", "line 1: '[' is never closed")]
    [InlineData("a = [1, 2}", "line 1: '}' closes nothing")]
    [InlineData("a = \"x\nb = 1", "line 1: a quoted string is never closed")]
    public void Unbalanced_hocon_is_found_with_its_line(string hocon, string problem)
    {
        Assert.Equal(problem, HoconStructure.FirstUnbalanced(hocon));
    }

    [Theory]
    [InlineData("a = \"{[\"")]
    [InlineData("a = \"\"\"{\n[\"\"\"")]
    [InlineData("# {\na = 1 // [")]
    [InlineData("a = \"x\\\"{\"")]
    [InlineData("a { b = [1, {c = 2}] }")]
    public void Braces_in_strings_and_comments_do_not_count(string hocon)
    {
        Assert.Null(HoconStructure.FirstUnbalanced(hocon));
    }
}
