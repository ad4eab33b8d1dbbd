using System.CommandLine;
using ContinuousOperation.Domain.Comparison;

namespace ContinuousOperation.Cli.Commands;

/// <summary>The <c>compare</c> verb: key figures of several reports side by side, the first one the baseline, with a
/// warning naming each setting in which the runs differ. Exit code 0, or 1 when <c>--fail-on-regression</c> is given
/// and a later run regressed; 2 when a report cannot be read, or when a gate is asked for between runs of different
/// setup without <c>--allow-mismatch</c>.</summary>
internal sealed class CompareCommand : Command
{
    private readonly Argument<string[]> _reports = new("REPORT.json")
    {
        Description = "JSON reports of runs; the first is the baseline",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<double> _failOnRegression = OptionRules.Number<double>(
        "--fail-on-regression",
        "Exit 1 when a later run failed, was inconsistent, or grew errors/h, memory, memory slope or CPU by more than PERCENT").NotNegative();

    private readonly Option<bool> _allowMismatch = new("--allow-mismatch")
    {
        Description = "Gate even when the runs differ in speed, duration, symbols, market or fault profile (the warning stays)",
    };

    public CompareCommand() : base("compare", "Compare the key figures of run reports and gate on regressions")
    {
        Arguments.Add(_reports);
        _failOnRegression.HelpName = "PERCENT";
        Options.Add(_failOnRegression);
        Options.Add(_allowMismatch);
        SetAction(parse => Execute(
            parse.GetValue(_reports)!,
            parse.GetResult(_failOnRegression) is { Implicit: false } ? parse.GetValue(_failOnRegression) : null,
            parse.GetValue(_allowMismatch)));
    }

    private static int Execute(IReadOnlyList<string> paths, double? gatePercent, bool allowMismatch)
    {
        var result = RunComparison.Compare(paths.Select(Read).ToArray(), gatePercent);
        if (gatePercent is not null && result.Mismatched && !allowMismatch) throw new UsageException(ComparisonTable.Refusal(result));
        Console.Out.Write(ComparisonTable.Render(result));
        return result.Regressed ? ExitCodes.CriterionFailed : ExitCodes.Passed;
    }

    /// <exception cref="UsageException">The file is missing, unreadable, or not a report.</exception>
    private static RunFigures Read(string path)
    {
        if (Directory.Exists(path)) throw new UsageException($"{path} is a folder; pass the continuous_operation_*.json file inside it");
        try
        {
            return RunFiguresReader.Read(path, File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path} cannot be read: {e.Message}");
        }
        catch (InvalidReportException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
