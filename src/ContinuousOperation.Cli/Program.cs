using System.CommandLine;
using ContinuousOperation.Cli;
using ContinuousOperation.Cli.Commands;

// parse → (the verb configures, runs and reports) → exit code. Every failure the user can act on is one line on
// stderr with its exit code; the verbs themselves are in Commands/.
var commandLine = new RootCommand("Continuous-operation (soak) test of the paper-trading platform")
{
    new RunCommand(),
    new ReconcileCommand(),
    new CompareCommand(),
};

var parsed = commandLine.Parse(args);
if (parsed.Errors.Count > 0) return Fail(ExitCodes.Usage, $"{parsed.Errors[0].Message} (see --help)");

try
{
    // Signals are handled by the run itself (graceful stop), not by the parser's cancellation.
    return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
}
catch (UsageException e)
{
    return Fail(ExitCodes.Usage, e.Message);
}
catch (InfrastructureException e)
{
    return Fail(ExitCodes.Infrastructure, e.Message);
}

static int Fail(int exitCode, string message)
{
    Console.Error.WriteLine($"continuous-operation: {message}");
    return exitCode;
}
