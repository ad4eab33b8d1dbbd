using System.CommandLine;
using ContinuousOperation.Cli;
using ContinuousOperation.Cli.Commands;
using ContinuousOperation.Cli.Hosting;
using Serilog;

// signals → parse → (the verb configures, runs and reports) → exit code. Every failure is one line on stderr with
// one of the documented exit codes (0, 1, 2, 3, 130), never a stack trace; the verbs themselves are in Commands/.
// Signals are registered before anything else, so that no Ctrl+C finds the runtime's default handling.
using var signals = ProcessSignals.Register();
AppDomain.CurrentDomain.UnhandledException += (_, e) => EndOnUnhandled(e.ExceptionObject as Exception);
TaskScheduler.UnobservedTaskException += (_, e) =>
{
    // Not fatal in .NET (the task's owner chose not to wait for it), so not a reason to fail a soak run: logged, so
    // that a pattern of them is visible in run.log.
    Log.Warning(e.Exception, "A background task failed and nobody observed it");
    e.SetObserved();
};

var commandLine = new RootCommand("Continuous-operation (soak) test of the paper-trading platform")
{
    new RunCommand(signals),
    new ReconcileCommand(),
    new CompareCommand(),
    new ClusterCommand(signals),
    new NodeCommand(signals),
    new ExchangeCommand(signals),
};

var parsed = commandLine.Parse(args);
if (parsed.Errors.Count > 0) return Fail(ExitCodes.Usage, $"{parsed.Errors[0].Message} (see --help)");

try
{
    // Signals are handled by ProcessSignals (cancellation before a run, graceful stop during one), not by the parser.
    var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
    return await parsed.InvokeAsync(invocation, signals.Cancellation);
}
catch (OperationCanceledException) when (signals.Cancellation.IsCancellationRequested)
{
    return Fail(ExitCodes.Interrupted, "interrupted during start-up; nothing was written");
}
catch (UsageException e)
{
    return Fail(ExitCodes.Usage, e.Message);
}
catch (InfrastructureException e)
{
    return Fail(ExitCodes.Infrastructure, e.Message);
}
catch (Exception e)
{
    // Last resort: whatever the verbs did not foresee is still one line and exit 3. The verbs log the full
    // exception to run.log where they have one.
    return Fail(ExitCodes.Infrastructure, $"{parsed.CommandResult.Command.Name} failed: {e.GetType().Name}: {e.Message}");
}

static int Fail(int exitCode, string message)
{
    Console.Error.WriteLine($"continuous-operation: {OneLine(message)}");
    return exitCode;
}

// An exception thrown on a thread of its own (an actor system's, a timer's) would otherwise abort the process with
// 134 and a stack trace: it is logged in full where logging is up, reported as one line, and the process ends with 3.
static void EndOnUnhandled(Exception? exception)
{
    try
    {
        Log.Fatal(exception, "Unhandled exception: the process ends");
        Log.CloseAndFlush();
    }
    catch (IOException)
    {
        // The log itself may be what failed (a full disk); the line on stderr below still says what happened.
    }

    Fail(ExitCodes.Infrastructure, $"unexpected failure: {exception?.GetType().Name}: {exception?.Message}");
    Environment.Exit(ExitCodes.Infrastructure);
}

static string OneLine(string message) =>
    SecretRedactor.Redact(string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
