using System.CommandLine;
using System.CommandLine.Parsing;
using ContinuousOperation.Cli.Database;
using ContinuousOperation.Cli.Faults;
using ContinuousOperation.Cli.Hosting;
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
    private const int MaxSymbols = InstrumentCatalog.MaxCount;
    /// <summary>Beyond these a run only measures the machine: 1000x compresses a day into 90 s, and a daily volatility
    /// of 500 % already moves the price process by several ticks per step (far more and its arithmetic overflows).
    /// Below 1/100 the simulated clock all but stands still, and near zero its arithmetic overflows too.</summary>
    private const double MinSpeed = 0.01, MaxSpeed = 1000, MaxVolatility = 5;
    /// <summary>A gigabyte a minute fails the memory criterion in seconds; more only risks the machine.</summary>
    private const double MaxSelfTestLeak = 1024;
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    /// <summary>One microsecond: the order round trip's histogram does not resolve below it.</summary>
    private static readonly TimeSpan ShortestLatency = TimeSpan.FromTicks(10);
    private static readonly TimeSpan LongestRun = TimeSpan.FromDays(30);
    // The option defaults are the domain's own, so help and behaviour cannot drift from them.
    private static readonly CriteriaThresholds DefaultThresholds = new();
    private static readonly MarketSettings DefaultMarket = new();

    private readonly Option<bool> _quick = new("--quick") { Description = "One-hour run with light faults (the same as --duration 1h --faults light)" };
    private readonly DurationOption _duration = OptionRules.Duration("--duration", "Run length: bare hours (24) or 45s, 90m, 24h, 1h30m", OneSecond, LongestRun,
        DefaultDuration, DurationParser.BareNumber.Hours);
    private readonly Option<string> _symbols = OptionRules.Text("--symbols", "Symbols to trade, comma-separated, e.g. BTC-USDT,ETH-USDT");
    private readonly Option<int> _symbolCount = OptionRules.Number<int>("--symbol-count", "Trade the first N symbols of the catalogue: ten known, then generated ones (SIM0011-USDT …), at most 1,000", DefaultSymbolCount).Positive().AtMost(MaxSymbols);
    private readonly Option<int> _seed = OptionRules.Number<int>("--seed", "Seed of every random process [default: random, printed and recorded]").NotNegative();
    private readonly Option<MarketCondition> _market = new("--market")
    {
        Description = "Market regime",
        HelpName = "trending|ranging|volatile|mixed",
        DefaultValueFactory = _ => DefaultMarket.Condition,
        CustomParser = ParseMarket,
    };
    private readonly Option<double> _volatility = OptionRules.Number<double>("--volatility", "Daily volatility of the price process (0.03 = 3 %), at most 5", DefaultMarket.DailyVolatility).Positive().AtMost(MaxVolatility);
    private readonly Option<double> _speed = OptionRules.Number<double>("--speed", "Simulated market time per wall-clock second, 0.01 to 1000", 1.0).Positive().AtLeast(MinSpeed).AtMost(MaxSpeed);
    private readonly Option<string> _faults = OptionRules.Text("--faults", FaultProfileOption.Description);
    private readonly DatabaseOptions _database = new("Journal database: SQLite path, 'Data Source=…' or a PostgreSQL 'Host=…' connection string [default: journal.db in the run folder]");
    private readonly Option<string> _reportDir = OptionRules.Text("--report-dir", "Folder that receives the run folder", "reports");
    private readonly Option<string> _config = OptionRules.Text("--config", "Extra HOCON file, applied on top of everything else");
    private readonly DurationOption _sampleInterval = OptionRules.Duration("--sample-interval", "Resource sampling interval", OneSecond, LongestRun, TimeSpan.FromSeconds(30));
    private readonly DurationOption _progressInterval = OptionRules.Duration("--progress-interval", "Progress log interval", OneSecond, LongestRun, TimeSpan.FromMinutes(1));
    private readonly DurationOption _reconcileInterval = OptionRules.Duration("--reconcile-interval", "How often the journals are reconciled while the run goes on (the tail is reconciled at the end)", OneSecond, LongestRun, TimeSpan.FromMinutes(10));
    private readonly Option<double> _maxCpu = OptionRules.Number<double>("--max-cpu-percent", "Highest average CPU, percent of the machine", DefaultThresholds.MaxCpuPercent).Positive().AtMost(100.0);
    private readonly Option<double> _maxErrorRate = OptionRules.Number<double>("--max-error-rate", "Errors per hour of uptime that fail the run", DefaultThresholds.MaxErrorRatePerHour).Positive();
    private readonly Option<double> _maxMemoryGrowth = OptionRules.Number<double>("--max-memory-growth-mb-per-hour", "Working-set or managed-heap growth after warm-up that fails the run", DefaultThresholds.MaxMemoryGrowthMbPerHour).NotNegative();
    private readonly DurationOption _memoryWarmUp = OptionRules.Duration("--memory-warm-up", "Start of the run left out of the memory trend [default: 10 % of the run, at most 30m]", OneSecond, LongestRun);
    private readonly Option<double> _minOrders = OptionRules.Number<double>("--min-orders-per-symbol-minute", "Fewest orders each symbol must place per simulated minute", DefaultThresholds.MinOrdersPerSymbolMinute).NotNegative();
    private readonly Option<double> _minFills = OptionRules.Number<double>("--min-fills-per-symbol-minute", "Fewest fills each symbol must get per simulated minute", DefaultThresholds.MinFillsPerSymbolMinute).NotNegative();
    private readonly DurationOption _maxSilence = OptionRules.Duration("--max-symbol-silence", "Longest wall time a symbol may go without an order or a fill", OneSecond, LongestRun, DefaultThresholds.MaxSymbolSilence);
    private readonly DurationOption _maxOrderLatencyP99 = OptionRules.Duration("--max-order-latency-p99", "Highest 99th percentile of the order round trip, e.g. 250ms [default: none, not judged]", ShortestLatency, TimeSpan.FromHours(1));
    private readonly Option<string> _resume = OptionRules.Text("--resume", "Continue a killed run from its run folder, with its own settings, database and journal");
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = DryRun.Description };
    private readonly Option<double> _selfTestLeak = OptionRules.Number<double>("--self-test-leak", "Self-test: retain this many MB of memory per minute, so the memory criterion must fail").NotNegative().AtMost(MaxSelfTestLeak);

    /// <param name="signals">The process's signal handling, switched to the run once it is going; tests that only
    /// parse and bind pass none.</param>
    public RunCommand(ProcessSignals? signals = null) : base("run", "Run a continuous-operation soak test and write its report")
    {
        Options.Add(_quick);
        Options.Add(_duration);
        Options.Add(_symbols);
        Options.Add(_symbolCount);
        Options.Add(_seed);
        Options.Add(_market);
        Options.Add(_volatility);
        Options.Add(_speed);
        _faults.HelpName = FaultProfileOption.HelpName;
        _selfTestLeak.HelpName = "MB_PER_MIN";
        Options.Add(_faults);
        _database.AddTo(this);
        Options.Add(_reportDir);
        Options.Add(_config);
        Options.Add(_sampleInterval);
        Options.Add(_progressInterval);
        Options.Add(_reconcileInterval);
        Options.Add(_maxCpu);
        Options.Add(_maxErrorRate);
        Options.Add(_maxMemoryGrowth);
        Options.Add(_memoryWarmUp);
        Options.Add(_minOrders);
        Options.Add(_minFills);
        Options.Add(_maxSilence);
        Options.Add(_maxOrderLatencyP99);
        Options.Add(_selfTestLeak);
        _resume.HelpName = "RUN_FOLDER";
        Options.Add(_resume);
        Options.Add(_dryRun);
        Validators.Add(ResumeAlone);
        Validators.Add(Exclusive(_quick, _duration));
        Validators.Add(Exclusive(_symbols, _symbolCount));
        Validators.Add(WarmUpShorterThanRun);
        Validators.Add(IntervalWithinRun(_sampleInterval));
        Validators.Add(IntervalWithinRun(_progressInterval));
        Validators.Add(IntervalWithinRun(_reconcileInterval));
        SetAction((parse, cancellationToken) =>
        {
            if (IsDryRun(parse)) return Task.FromResult(DryRun.Print(Bind(parse)));
            var handling = signals ?? throw new InvalidOperationException("a run needs the process's signal handling");
            return parse.GetValue(_resume) is { } folder
                ? RunVerb.ResumeAsync(folder, _database.Resolve(parse), handling, cancellationToken)
                : RunVerb.ExecuteAsync(Bind(parse), handling, cancellationToken);
        });
    }

    /// <summary>Whether <c>--dry-run</c> was given (<c>cluster</c> shares the option).</summary>
    public bool IsDryRun(ParseResult parse) => parse.GetValue(_dryRun);

    /// <exception cref="UsageException">A value passed the parser but cannot be used (symbols, database, config file).</exception>
    public RunOptions Bind(ParseResult parse)
    {
        var duration = _duration.ValueIn(parse)!.Value;
        var seed = parse.GetResult(_seed) is { Implicit: false } ? parse.GetValue(_seed) : Random.Shared.Next();
        var settings = new RunSettings(
            duration,
            Instruments(parse),
            seed,
            new MarketSettings(parse.GetValue(_market), parse.GetValue(_volatility)),
            parse.GetValue(_speed),
            _sampleInterval.ValueIn(parse)!.Value,
            _progressInterval.ValueIn(parse)!.Value,
            new CriteriaThresholds(parse.GetValue(_maxCpu), parse.GetValue(_maxErrorRate), parse.GetValue(_maxMemoryGrowth),
                MemoryWarmUp: _memoryWarmUp.ValueIn(parse),
                MinOrdersPerSymbolMinute: parse.GetValue(_minOrders), MinFillsPerSymbolMinute: parse.GetValue(_minFills))
            {
                MaxSymbolSilence = _maxSilence.ValueIn(parse)!.Value,
                MaxOrderLatencyP99 = _maxOrderLatencyP99.ValueIn(parse),
            },
            SelfTestLeakMbPerMinute: parse.GetValue(_selfTestLeak))
        {
            Faults = FaultProfileOption.Resolve(parse.GetValue(_faults), parse.GetValue(_quick)),
            Run = RunId.New(DateTimeOffset.UtcNow, seed, Random.Shared),
            ReconcileInterval = _reconcileInterval.ValueIn(parse)!.Value,
        };
        var config = parse.GetValue(_config);
        return new RunOptions(
            settings,
            _database.Resolve(parse),
            parse.GetValue(_reportDir)!,
            config is null ? null : UserConfigFile.Read(config))
        {
            DatabaseNamed = _database.Reference(parse),
            ConfigFile = config,
        };
    }

    /// <summary>A resumed run keeps the settings it started with (its run.json), so no other option may change them;
    /// only the database may be named again, for one whose connection string was given inline and not kept.</summary>
    private void ResumeAlone(CommandResult command)
    {
        if (command.GetResult(_resume) is not { Implicit: false }) return;
        var others = command.Children.OfType<OptionResult>()
            .Where(r => !r.Implicit && r.Option != _resume && !_database.Owns(r.Option))
            .Select(r => r.Option.Name)
            .ToArray();
        if (others.Length > 0)
        {
            command.AddError($"--resume continues a run with the settings it started with: {string.Join(", ", others)} cannot be given with it " +
                             "(only --db, --db-env or --db-file, to name the run's database again)");
        }
    }

    private IReadOnlyList<Instrument> Instruments(ParseResult parse) => Instruments(parse.GetValue(_symbols), parse.GetValue(_symbolCount));

    /// <summary>The instruments of <c>--symbols</c> if given, else the catalogue's first <paramref name="symbolCount"/>
    /// (shared with the <c>exchange</c> verb).</summary>
    public static IReadOnlyList<Instrument> Instruments(string? symbols, int symbolCount)
    {
        if (symbols is null) return InstrumentCatalog.First(symbolCount);
        if (!SymbolListParser.TryParse(symbols, out var instruments, out var error)) throw new UsageException($"--symbols: {error}");
        return instruments.Count <= MaxSymbols
            ? instruments
            : throw new UsageException($"--symbols: at most {MaxSymbols} symbols, the same bound as --symbol-count (got {instruments.Count})");
    }

    /// <summary>Parses <c>--market</c> (shared with the <c>exchange</c> verb).</summary>
    public static MarketCondition ParseMarket(ArgumentResult result)
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
        if (OptionRules.GivenDuration(command, _memoryWarmUp) is not { } warmUp) return;
        var duration = RunLength(command);
        if (warmUp >= duration)
        {
            command.AddError($"--memory-warm-up ({DurationParser.Format(warmUp)}) must be shorter than the run ({DurationParser.Format(duration)}), or memory is never judged");
        }
    }

    /// <summary>An interval longer than the run would never fire: no sample or no progress line at all.</summary>
    private Action<CommandResult> IntervalWithinRun(DurationOption interval) => command =>
    {
        if (OptionRules.GivenDuration(command, interval) is { } given && given > RunLength(command))
        {
            command.AddError($"{interval.Name} ({DurationParser.Format(given)}) must not be longer than the run ({DurationParser.Format(RunLength(command))})");
        }
    };

    /// <summary>The run's length as given, or the default (also when the given value is itself wrong: it reports its
    /// own error).</summary>
    private TimeSpan RunLength(CommandResult command) =>
        OptionRules.GivenDuration(command, _duration) ?? DefaultDuration;

    /// <summary>A validator refusing both options at once (shared with the <c>exchange</c> verb).</summary>
    public static Action<CommandResult> Exclusive(Option first, Option second) => command =>
    {
        if (command.GetResult(first) is { Implicit: false } && command.GetResult(second) is { Implicit: false })
        {
            command.AddError($"{first.Name} and {second.Name} cannot be used together");
        }
    };
}
