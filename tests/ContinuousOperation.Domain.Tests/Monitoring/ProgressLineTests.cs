using ContinuousOperation.Domain.Monitoring;

namespace ContinuousOperation.Domain.Tests.Monitoring;

public sealed class ProgressLineTests
{
    [Theory]
    [InlineData(0, "0h00m00s")]
    [InlineData(59.9, "0h00m59s")]
    [InlineData(3723, "1h02m03s")]
    [InlineData(26 * 3600 + 7, "26h00m07s")]
    [InlineData(-5, "0h00m00s")]
    public void Durations_are_written_in_total_hours_minutes_and_whole_seconds(double seconds, string expected)
    {
        Assert.Equal(expected, ProgressLine.FormatDuration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void A_line_carries_elapsed_remaining_counts_and_the_latest_resources_rounded()
    {
        var latest = Readings.Sample(workingSetMb: 250.46, cpuPercentOfMachine: 15.34);

        var line = ProgressLine.Compose(
            TimeSpan.FromMinutes(90), TimeSpan.FromHours(24), errors: 2, orders: 2500, fills: 2250, latest);

        Assert.Equal(new ProgressLine("1h30m00s", "22h30m00s", 2, 2500, 2250, 250.5, 15.3), line);
        Assert.Equal(["1h30m00s", "22h30m00s", 2L, 2500L, 2250L, 250.5, 15.3], line.Values);
    }

    [Fact]
    public void Remaining_never_goes_negative_and_resources_are_zero_before_the_first_sample()
    {
        var line = ProgressLine.Compose(TimeSpan.FromHours(2), TimeSpan.FromHours(1), 0, 0, 0, latest: null);

        Assert.Equal("0h00m00s", line.Remaining);
        Assert.Equal(0, line.MemoryMb);
        Assert.Equal(0, line.CpuPercent);
    }

    [Fact]
    public void The_template_names_one_property_per_value()
    {
        var line = ProgressLine.Compose(TimeSpan.Zero, TimeSpan.FromHours(1), 0, 0, 0, latest: null);

        Assert.Equal(line.Values.Length, ProgressLine.Template.Count(c => c == '{'));
    }
}
