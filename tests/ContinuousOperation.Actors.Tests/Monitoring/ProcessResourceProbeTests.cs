using ContinuousOperation.Actors.Monitoring;

namespace ContinuousOperation.Actors.Tests.Monitoring;

public sealed class ProcessResourceProbeTests
{
    [Fact]
    public void Reads_the_live_process()
    {
        var probe = new ProcessResourceProbe();

        var first = probe.Read();
        var second = probe.Read();

        Assert.True(first.WorkingSetBytes > 0);
        Assert.True(first.ManagedHeapBytes > 0);
        Assert.True(first.ThreadCount > 0);
        Assert.Equal(Environment.ProcessorCount, first.ProcessorCount);
        Assert.True(second.At >= first.At);
        Assert.True(second.TotalProcessorTime >= first.TotalProcessorTime);
    }
}
