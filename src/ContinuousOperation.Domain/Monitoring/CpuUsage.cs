namespace ContinuousOperation.Domain.Monitoring;

/// <summary>Average CPU use over an interval, as a percent of the whole machine and of one core
/// (a process saturating two cores of four is at 50 % of the machine and 200 % of a core).</summary>
public readonly record struct CpuUsage(double PercentOfMachine, double PercentOfCore)
{
    public static readonly CpuUsage None = new(0, 0);

    public static CpuUsage Between(ResourceReading earlier, ResourceReading later)
    {
        var wall = later.At - earlier.At;
        if (wall <= TimeSpan.Zero || later.ProcessorCount < 1)
        {
            // No interval to average over (two readings in the same clock tick, or a clock step backwards).
            return None;
        }

        // Processor time never decreases for a live process; clamp anyway so a counter glitch cannot report negative use.
        var busy = later.TotalProcessorTime - earlier.TotalProcessorTime;
        var percentOfCore = Math.Max(0, busy / wall * 100);
        return new CpuUsage(percentOfCore / later.ProcessorCount, percentOfCore);
    }
}
