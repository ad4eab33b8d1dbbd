using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ContinuousOperation.Benchmarks.Support;

/// <summary>
/// The recovery benchmarks' own job: in process, so the simulated journals generated for one case serve the others,
/// with room for the 1 M-event setup (several minutes on a busy 2-core machine; BenchmarkDotNet's in-process default
/// gives up after 5), and few iterations, since one full replay of 1 M events takes seconds. Run them without
/// <c>--job</c> or <c>--inProcess</c>, which would add a second job.
/// </summary>
internal sealed class RecoveryBenchmarkConfig : ManualConfig
{
    public RecoveryBenchmarkConfig() =>
        AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(40), logOutput: true))
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithId("Recovery"));
}
