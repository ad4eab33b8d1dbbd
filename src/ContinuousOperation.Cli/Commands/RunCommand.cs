using System.CommandLine;
using System.CommandLine.Parsing;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Faults;
using ContinuousOperation.Cli.Parsing;
using ContinuousOperation.Domain.Market;
using ContinuousOperation.Domain.Primitives;
using ContinuousOperation.Domain.Run;

namespace ContinuousOperation.Cli.Commands;

/// <summary>The <c>run</c> verb: its options, their rules, and how they become <see cref="RunOptions"/>.</summary>
internal sealed class RunCommand : Command
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(1);
    public const int DefaultSymbolCount = 3;
    private const int MaxSymbols = 100;
    // The option defaults are the domain's own, so help and behaviour cannot drift from them.
    private static readonly CriteriaThresholds DefaultThresholds = new();
    private static readonly MarketSettings DefaultMarket = new();

    private readonly Option<bool> _quick = new("--quick") { Description = "One-hour run with light faults (the same as --duration 1h --faults light)" };
    private readonly Option<TimeSpan> _duration = OptionRules.Duration("--duration", "Run length: bare hours (24) or 45s, 90m, 24h, 1h30m [default: 1h]");
    private readonly Option<string> _symbols = new("--symbols") { Description = "Symbols to trade, comma-separated, e.g. BTC-USDT,ETH-USDT" };
    private readonly Option<int> _symbolCount = new Option<int>("--symbol-count") { Description = "Trade the first N known symbols", DefaultValueFactory = _ => DefaultSymbolCount }.Positive().AtMost(MaxSymbols);
    private readonly Option<int> _seed = new Option<int>("--seed") { Description = "Seed of every random process [default: random, printed and recorded]" }.NotNegative();
    private readonly Option<MarketCondition> _market = new("--market")
    {
        Description = "Market regime",
        HelpName = "trending|ranging|volatile|mixed",
        DefaultValueFactory = _ => DefaultMarket.Condition,
        CustomParser = ParseMarket,
    };
    private readonly Option<double> _volatility = new Option<double>("--volatility") { Description = "Daily volatility of the price process (0.03 = 3 %)", DefaultValueFactory = _ => DefaultMarket.DailyVolatility }.Positive();
    private readonly Option<double> _speed = new Option<double>("--speed") { Description = "Simulated market time per wall-clock second", DefaultValueFactory = _ => 1 }.Positive();
    private readonly Option<string> _faults = new("--faults") { Description = FaultProfileOption.Description, HelpName = FaultProfileOption.HelpName };
    private readonly Option<string> _db = new("--db") { Description = "Journal database: SQLite path, 'Data Source=…' or a PostgreSQL 'Host=…' connection string [default: journal.db in the run folder]" };
    private readonly Option<string> _reportDir = new("--report-dir") { Description = "Folder that receives the run folder", DefaultValueFactory = _ => "reports" };
    private readonly Option<FileInfo> _config = new("--config") { Description = "Extra HOCON file, applied on top of everything else" };
    private readonly Option<TimeSpan> _sampleInterval = OptionRules.Duration("--sample-interval", "Resource sampling interval", TimeSpan.FromSeconds(30));
    private readonly Option<TimeSpan> _progressInterval = OptionRules.Duration("--progress-interval", "Progress log interval", TimeSpan.FromMinutes(1));
    private readonly Option<double> _maxCpu = new Option<double>("--max-cpu-percent") { Description = "Highest average CPU, percent of the machine", DefaultValueFactory = _ => DefaultThresholds.MaxCpuPercent }.Positive();
    private readonly Option<double> _maxErrorRate = new Option<double>("--max-error-rate") { Description = "Errors per hour of uptime that fail the run", DefaultValueFactory = _ => DefaultThresholds.MaxErrorRatePerHour }.Positive();
    private readonly Option<double> _maxMemoryGrowth = new Option<double>("--max-memory-growth-mb-per-hour") { Description = "Working-set or managed-heap growth after warm-up that fails the run", DefaultValueFactory = _ => DefaultThresholds.MaxMemoryGrowthMbPerHour }.NotNegative();
    private readonly Option<TimeSpan> _memoryWarmUp = OptionRules.Duration("--memory-warm-up", "Start of the run left out of the memory trend [default: 10 % of the run, at most 30m]");
    private readonly Option<double> _minOrders = new Option<double>("--min-orders-per-symbol-minute") { Description = "Fewest orders each symbol must place per simulated minute", DefaultValueFactory = _ => DefaultThresholds.MinOrdersPerSymbolMinute }.Finite().NotNegative();
    private readonly Option<double> _minFills = new Option<double>("--min-fills-per-symbol-minute") { Description = "Fewest fills each symbol must get per simulated minute", DefaultValueFactory = _ => DefaultThresholds.MinFillsPerSymbolMinute }.Finite().NotNegative();
    private readonly Option<TimeSpan> _maxSilence = OptionRules.Duration("--max-symbol-silence", "Longest wall time a symbol may go without an order or a fill", DefaultThresholds.MaxSymbolSilence);
    private readonly Option<double> _selfTestLeak = new Option<double>("--self-test-leak") { Description = "Self-test: retain this many MB of memory per minute, so the memory criterion must fail", HelpName = "MB_PER_MIN" }.NotNegative();

    public RunCommand() : base("run", "Run a continuous-operation soak test and write its report")
    {
        Options.Add(_quick);
        Options.Add(_duration);
        Options.Add(_symbols);
        Options.Add(_symbolCount);
        Options.Add(_seed);
        Options.Add(_market);
        Options.Add(_volatility);
        Options.Add(_speed);
        Options.Add(_faults);
        Options.Add(_db);
        Options.Add(_reportDir);
        Options.Add(_config);
        Options.Add(_sampleInterval);
        Options.Add(_progressInterval);
        Options.Add(_maxCpu);
        Options.Add(_maxErrorRate);
        Options.Add(_maxMemoryGrowth);
        Options.Add(_memoryWarmUp);
        Options.Add(_minOrders);
        Options.Add(_minFills);
        Options.Add(_maxSilence);
        Options.Add(_selfTestLeak);
        Validators.Add(Exclusive(_quick, _duration));
        Validators.Add(Exclusive(_symbols, _symbolCount));
        Validators.Add(WarmUpShorterThanRun);
        SetAction((parse, cancellationToken) => RunVerb.ExecuteAsync(Bind(parse), cancellationToken));
    }

    /// <exception cref="UsageException">A value passed the parser but cannot be used (symbols, database, config file).</exception>
    public RunOptions Bind(ParseResult parse)
    {
        var duration = parse.GetResult(_duration) is { Implicit: false } ? parse.GetValue(_duration) : DefaultDuration;
        var seed = parse.GetResult(_seed) is { Implicit: false } ? parse.GetValue(_seed) : Random.Shared.Next();
        var settings = new RunSettings(
            duration,
            Instruments(parse),
            seed,
            new MarketSettings(parse.GetValue(_market), parse.GetValue(_volatility)),
            parse.GetValue(_speed),
            parse.GetValue(_sampleInterval),
            parse.GetValue(_progressInterval),
            new CriteriaThresholds(parse.GetValue(_maxCpu), parse.GetValue(_maxErrorRate), parse.GetValue(_maxMemoryGrowth),
                MemoryWarmUp: parse.GetResult(_memoryWarmUp) is { Implicit: false } ? parse.GetValue(_memoryWarmUp) : null,
                MinOrdersPerSymbolMinute: parse.GetValue(_minOrders), MinFillsPerSymbolMinute: parse.GetValue(_minFills))
            {
                MaxSymbolSilence = parse.GetValue(_maxSilence),
            },
            SelfTestLeakMbPerMinute: parse.GetValue(_selfTestLeak))
        {
            Faults = FaultProfileOption.Resolve(parse.GetValue(_faults), parse.GetValue(_quick)),
            Run = RunId.New(DateTimeOffset.UtcNow, seed, Random.Shared),
        };
        var db = parse.GetValue(_db);
        var config = parse.GetValue(_config);
        return new RunOptions(
            settings,
            db is null ? null : DatabaseTarget.Parse(db),
            parse.GetValue(_reportDir)!,
            config is null ? null : HoconFileReader.Read("--config", config.FullName));
    }

    private IReadOnlyList<Instrument> Instruments(ParseResult parse)
    {
        if (parse.GetValue(_symbols) is not { } symbols) return InstrumentCatalog.First(parse.GetValue(_symbolCount));
        return SymbolListParser.TryParse(symbols, out var instruments, out var error) ? instruments : throw new UsageException($"--symbols: {error}");
    }

    private static MarketCondition ParseMarket(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Enum.TryParse<MarketCondition>(text, ignoreCase: true, out var condition) && Enum.IsDefined(condition) && !int.TryParse(text, out _))
        {
            return condition;
        }

        result.AddError($"--market: '{text}' is not a market; expected trending, ranging, volatile or mixed");
        return MarketCondition.Mixed;
    }

    /// <summary>A warm-up as long as the run leaves no sample to judge, so the memory criterion would pass unexamined.</summary>
    private void WarmUpShorterThanRun(CommandResult command)
    {
        if (Given(command.GetResult(_memoryWarmUp)) is not { } warmUp) return;
        var duration = command.GetResult(_duration) is { Implicit: false } given ? Given(given) : DefaultDuration;
        if (warmUp >= duration)
        {
            command.AddError($"--memory-warm-up ({warmUp}) must be shorter than the run ({duration}), or memory is never judged");
        }
    }

    /// <summary>A duration given on the command line, or null if absent or not a duration. Read from the token rather
    /// than with GetValue, which throws for a value that did not parse (that value reports its own error).</summary>
    private static TimeSpan? Given(OptionResult? result) =>
        result is { Implicit: false, Tokens: [var token] } && DurationParser.TryParse(token.Value, out var duration, out _) ? duration : null;

    private static Action<CommandResult> Exclusive(Option first, Option second) => command =>
    {
        if (command.GetResult(first) is { Implicit: false } && command.GetResult(second) is { Implicit: false })
        {
            command.AddError($"{first.Name} and {second.Name} cannot be used together");
        }
    };
}
