using System.Net;
using ContinuousOperation.Cli.Gateway;

namespace ContinuousOperation.Soak.Tests.Wire;

/// <summary><c>continuous-operation exchange</c> as a process: it prints where it listens, serves keyed requests, and
/// ends with 0 at the end of its duration or 130 on a signal; bad keys are a usage error that never echoes a key.</summary>
public sealed class ExchangeVerbTests : IDisposable
{
    private const string Secret = "s3cret-key-never-printed";
    private readonly string _reports = Directory.CreateTempSubdirectory("exchange-verb-").FullName;

    [Fact]
    public async Task It_prints_its_url_serves_keyed_requests_and_ends_with_0_when_its_duration_is_over()
    {
        var url = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = CliProcess.RunAsync(new CliStart(TimeSpan.FromMinutes(1),
            "exchange", "--duration", "8s", "--symbols", "BTC-USDT", "--seed", "7", "--api-key", $"{Secret}=trader-bot",
            "--report-dir", _reports)
        {
            OnOutputLine = line =>
            {
                const string marker = "exchange listening on ";
                if (line.StartsWith(marker, StringComparison.Ordinal)) url.TrySetResult(new Uri(line[marker.Length..].Split(' ')[0]));
            },
        });

        var address = await url.Task.WaitAsync(TimeSpan.FromSeconds(40));
        Assert.Equal("127.0.0.1", address.Host);
        using var http = new HttpClient { BaseAddress = address, Timeout = GatewayHarness.Patience };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/v3/ticker/bookTicker?symbol=BTCUSDT")).StatusCode);
        http.DefaultRequestHeaders.Add(ApiKeys.Header, Secret);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/v3/ticker/bookTicker?symbol=BTCUSDT")).StatusCode);

        var result = await process;
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(Secret, result.StandardOutput + result.StandardError);
        Assert.Contains("trader-bot", result.StandardOutput);
        // The books journalled, as in a run.
        Assert.Single(Directory.GetFiles(_reports, "journal.db", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_signal_stops_it_with_130()
    {
        var result = await CliProcess.RunAndTerminateAsync(TimeSpan.FromMinutes(1), "exchange listening on",
            "exchange", "--duration", "10m", "--symbol-count", "1", "--api-key", $"{Secret}=trader-bot", "--report-dir", _reports);

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("interrupted", result.StandardOutput);
    }

    [Fact]
    public async Task A_port_already_taken_is_an_infrastructure_failure_in_one_line()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await CliProcess.RunAsync(TimeSpan.FromSeconds(40),
            "exchange", "--port", $"{port}", "--symbol-count", "1", "--api-key", $"{Secret}=trader-bot", "--report-dir", _reports);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", result.StandardError);
    }

    [Theory]
    [InlineData("--api-key", Secret)]
    [InlineData("--api-key", Secret + "=not-a-trader")]
    [InlineData("--bind", "localhost")]
    public async Task A_bad_key_or_address_is_a_usage_error_that_never_echoes_the_key(string option, string value)
    {
        string[] keys = option == "--api-key" ? [] : ["--api-key", $"{Secret}=trader-bot"];
        var result = await CliProcess.RunAsync(TimeSpan.FromSeconds(30), ["exchange", option, value, .. keys, "--report-dir", _reports]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.DoesNotContain(Secret, result.StandardError + result.StandardOutput);
        Assert.Empty(Directory.GetFileSystemEntries(_reports));
    }

    [Fact]
    public async Task Without_any_key_it_refuses_to_start()
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromSeconds(30), "exchange", "--report-dir", _reports);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--api-key", result.StandardError);
    }

    public void Dispose() => Directory.Delete(_reports, recursive: true);
}
