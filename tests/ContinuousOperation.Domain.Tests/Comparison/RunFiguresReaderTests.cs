using System.Text;
using ContinuousOperation.Domain.Comparison;

namespace ContinuousOperation.Domain.Tests.Comparison;

public sealed class RunFiguresReaderTests
{
    /// <summary>Only the seed format's keys, as the oldest reports (and other tools) write them.</summary>
    private const string SeedReport = """
        { "test_type": "continuous_operation", "duration_hours": 24, "consistency_valid": true,
          "metrics": { "uptime_hours": 24.0, "total_errors": 2, "error_rate_per_hour": 0.083, "average_memory_mb": 250.5,
                       "peak_memory_mb": 380.2, "average_cpu_percent": 15.3, "positions_opened": 1250, "positions_closed": 1248,
                       "orders_placed": 2500, "orders_filled": 2250, "orders_cancelled": 0, "websocket_reconnects": 0,
                       "database_errors": 0, "api_errors": 2 },
          "success": false }
        """;

    private static RunFigures Read(string json) => RunFiguresReader.Read("run.json", Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_report_with_only_the_seed_keys_is_read_without_a_memory_slope_and_with_only_its_duration_known()
    {
        var read = Read(SeedReport);

        Assert.Equal(new RunFigures("run.json", 24, false, true, 0.083, 250.5, 380.2, null, 15.3, 2500, 2250) { Setup = read.Setup }, read);
        Assert.Equal(RunSetup.Unknown with { DurationHours = 24 }, read.Setup);
    }

    [Fact]
    public void The_setup_is_read_from_the_configuration_section()
    {
        var json = SeedReport.Replace("\"success\": false }", """
            "success": false,
            "configuration": { "seed": 7, "symbols": ["BTC-USDT", "ETH-USDT"], "market": "trending", "daily_volatility": 0.03,
                               "speed": 60, "fault_profile": "heavy" } }
            """);

        var setup = Read(json).Setup;

        Assert.Equal((60d, 24d, "trending", 0.03, "heavy"), (setup.Speed!.Value, setup.DurationHours!.Value, setup.Market!, setup.DailyVolatility!.Value, setup.FaultProfile!));
        Assert.Equal(["BTC-USDT", "ETH-USDT"], setup.Symbols!);
    }

    [Fact]
    public void A_configuration_value_of_the_wrong_type_is_unknown_rather_than_an_error()
    {
        var json = SeedReport.Replace("\"success\": false }", """
            "success": false, "configuration": { "speed": "fast", "symbols": [1, 2], "fault_profile": null } }
            """);

        Assert.Equal(RunSetup.Unknown with { DurationHours = 24 }, Read(json).Setup);
    }

    [Fact]
    public void The_memory_slope_is_the_observed_value_of_the_memory_criterion()
    {
        var json = SeedReport.Replace("\"success\": false }", """
            "success": false,
            "criteria": [ { "name": "average_cpu", "observed": 15.3 }, { "name": "memory_stable", "observed": 1.7 } ] }
            """);

        Assert.Equal(1.7, Read(json).MemorySlopeMbPerHour);
    }

    [Theory]
    [InlineData("{", "run.json: not valid JSON")]
    [InlineData("[1, 2]", "run.json: not a continuous-operation report")]
    [InlineData("""{ "test_type": "latency" }""", "run.json: not a continuous-operation report")]
    [InlineData("""{ "test_type": "continuous_operation", "success": true, "consistency_valid": true }""", "run.json: 'metrics' is missing or not an object")]
    public void Anything_else_is_refused_with_one_line_naming_the_file(string json, string message)
    {
        var refused = Assert.Throws<InvalidReportException>(() => Read(json));

        Assert.StartsWith(message, refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public void A_missing_figure_is_named_by_its_path()
    {
        var refused = Assert.Throws<InvalidReportException>(() => Read(SeedReport.Replace("\"peak_memory_mb\": 380.2,", "")));

        Assert.Equal("run.json: 'metrics.peak_memory_mb' is missing or not a number", refused.Message);
    }
}
