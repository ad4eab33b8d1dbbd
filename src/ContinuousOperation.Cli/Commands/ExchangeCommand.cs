using System.CommandLine;
using System.Net;
using ContinuousOperation.Cli.Gateway;
using ContinuousOperation.Cli.Hosting;
using ContinuousOperation.Cli.Parsing;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Cli.Commands;

/// <summary>The <c>exchange</c> verb: the mock exchange alone, on a real wire, for an external bot (docs/wire.md).</summary>
internal sealed class ExchangeCommand : Command
{
    private readonly DurationOption _duration = OptionRules.Duration("--duration", "How long to serve: bare hours (24) or 45s, 90m, 24h, 1h30m",
        TimeSpan.FromSeconds(1), TimeSpan.FromDays(30), RunCommand.DefaultDuration, DurationParser.BareNumber.Hours);
    private readonly Option<int> _port = OptionRules.Number<int>("--port", "TCP port to listen on; 0 takes a free one (the URL is printed)", 0).NotNegative().AtMost(65535);
    private readonly Option<string> _bind = OptionRules.Text("--bind", "Address to listen on; anything but loopback exposes the venue to the network", "127.0.0.1");
    private readonly Option<string> _symbols = OptionRules.Text("--symbols", "Symbols to serve, comma-separated, e.g. BTC-USDT,ETH-USDT (BTCUSDT on the wire)");
    private readonly Option<int> _symbolCount = OptionRules.Number<int>("--symbol-count", "Serve the first N symbols of the catalogue", RunCommand.DefaultSymbolCount).Positive().AtMost(InstrumentCatalog.MaxCount);
    private readonly Option<int> _seed = OptionRules.Number<int>("--seed", "Seed of the market's random processes [default: random, printed]").NotNegative();
    private readonly Option<MarketCondition> _market = new("--market")
    {
        Description = "Market regime",
        HelpName = "trending|ranging|volatile|mixed",
        DefaultValueFactory = _ => new MarketSettings().Condition,
        CustomParser = RunCommand.ParseMarket,
    };
    private readonly Option<string[]> _apiKey = new("--api-key")
    {
        Description = "An API key and the account it trades for, KEY=trader-NAME; repeat for several",
        HelpName = "KEY=ACCOUNT",
        Arity = ArgumentArity.ZeroOrMore,
    };
    private readonly Option<string> _apiKeysFile = OptionRules.Text("--api-keys-file", "File of KEY=ACCOUNT lines (# comments), kept out of argv and shell history");
    private readonly DatabaseOptions _database = new("Journal database: SQLite path, 'Data Source=…' or a PostgreSQL 'Host=…' connection string [default: journal.db in a new folder under --report-dir]");
    private readonly Option<string> _reportDir = OptionRules.Text("--report-dir", "Folder that receives the exchange's folder (its journal)", "reports");

    public ExchangeCommand(ProcessSignals? signals = null) : base("exchange", "Serve the mock exchange alone over HTTP and WebSocket, for an external bot")
    {
        Options.Add(_duration);
        Options.Add(_port);
        Options.Add(_bind);
        Options.Add(_symbols);
        Options.Add(_symbolCount);
        Options.Add(_seed);
        Options.Add(_market);
        Options.Add(_apiKey);
        Options.Add(_apiKeysFile);
        _database.AddTo(this);
        Options.Add(_reportDir);
        Validators.Add(RunCommand.Exclusive(_symbols, _symbolCount));
        SetAction((parse, cancellationToken) => ExchangeVerb.ExecuteAsync(Bind(parse),
            signals ?? throw new InvalidOperationException("the exchange needs the process's signal handling"), cancellationToken));
    }

    /// <exception cref="UsageException">A value passed the parser but cannot be used (keys, address, symbols).</exception>
    public ExchangeOptions Bind(ParseResult parse)
    {
        var entries = parse.GetValue(_apiKey) ?? [];
        var keys = new Dictionary<string, AccountId>(ApiKeyList.Parse(entries, place => $"--api-key #{place}"), StringComparer.Ordinal);
        if (parse.GetValue(_apiKeysFile) is { } file)
        {
            foreach (var (key, account) in ApiKeyList.ReadFile(file))
                if (!keys.TryAdd(key, account)) throw new UsageException($"--api-keys-file {file}: a key of the file was also given with --api-key");
        }

        if (keys.Count == 0) throw new UsageException("the exchange needs at least one --api-key KEY=ACCOUNT or --api-keys-file (every request needs a key)");
        if (!IPAddress.TryParse(parse.GetValue(_bind), out var bind)) throw new UsageException($"--bind: '{parse.GetValue(_bind)}' is not an IP address");
        return new ExchangeOptions(
            RunCommand.Instruments(parse.GetValue(_symbols), parse.GetValue(_symbolCount)),
            new MarketSettings(parse.GetValue(_market)),
            parse.GetResult(_seed) is { Implicit: false } ? parse.GetValue(_seed) : Random.Shared.Next(),
            _duration.ValueIn(parse)!.Value,
            new GatewayOptions(new ApiKeys(keys)) { Bind = bind, Port = parse.GetValue(_port) },
            _database.Resolve(parse),
            parse.GetValue(_reportDir)!);
    }
}
