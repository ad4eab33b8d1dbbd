using System.Diagnostics;
using ContinuousOperation.Domain.Cluster;
using Serilog;

namespace ContinuousOperation.Cli.Cluster;

/// <summary>
/// The launcher's <c>node</c> child processes: starts them, kills (SIGKILL), pauses (SIGSTOP) and resumes (SIGCONT)
/// one, starts a killed one again on the same port (a new incarnation of the member), and stops them all gracefully
/// (SIGTERM: each node leaves the cluster). Every action is recorded with its time in <see cref="Actions"/>.
/// A node's standard output is dropped (its log file holds the same and more); its standard error, where a node
/// writes the one line that explains its exit, goes to the launcher's log.
/// </summary>
internal sealed class NodeProcesses : IAsyncDisposable
{
    private readonly NodeExecutable _executable;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Process> _processes = [];
    private readonly List<NodeAction> _actions = [];

    public NodeProcesses(IReadOnlyList<NodeLaunch> nodes, NodeExecutable executable, IReadOnlyDictionary<string, string> environment, TimeProvider clock)
    {
        Nodes = nodes;
        _executable = executable;
        _environment = environment;
        _clock = clock;
    }

    public IReadOnlyList<NodeLaunch> Nodes { get; }

    /// <summary>Told each time a node's process starts (again), with its process id.</summary>
    public Action<NodeLaunch, int>? Started { get; init; }

    public IReadOnlyList<NodeAction> Actions
    {
        get
        {
            lock (_gate) return [.. _actions];
        }
    }

    public void StartAll()
    {
        foreach (var node in Nodes) Start(node, NodeActionKind.Started);
    }

    public int ProcessId(string node)
    {
        lock (_gate) return _processes[node].Id;
    }

    /// <summary>The nodes whose current process has ended, with its exit code.</summary>
    public IReadOnlyList<(NodeLaunch Node, int ExitCode)> Exited()
    {
        lock (_gate)
        {
            return Nodes.Where(n => _processes.TryGetValue(n.Name, out var p) && p.HasExited)
                .Select(n => (n, _processes[n.Name].ExitCode))
                .ToArray();
        }
    }

    /// <summary>SIGKILL: the node gets no chance to leave; the cluster must notice it is gone. Returns once the
    /// process has ended.</summary>
    public async Task KillAsync(string node)
    {
        var process = Current(node);
        process.Kill();
        Record(node, process, NodeActionKind.Killed);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP: the process is frozen with its sockets open, so the others see silence, not a closed
    /// connection, as in a network partition.</summary>
    public void Pause(string node) => Signal(node, PosixSignal.Stop, NodeActionKind.Paused);

    public void Resume(string node) => Signal(node, PosixSignal.Continue, NodeActionKind.Resumed);

    /// <summary>SIGTERM to one node: it leaves the cluster gracefully (its shards are handed off) and exits.</summary>
    public void Leave(string node) => Signal(node, PosixSignal.Terminate, NodeActionKind.Stopped);

    /// <summary>Waits up to <paramref name="bound"/> for the node's current process to end; true if it has.</summary>
    public async Task<bool> ExitedWithinAsync(string node, TimeSpan bound)
    {
        using var deadline = new CancellationTokenSource(bound);
        try
        {
            await Current(node).WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Starts a node whose process has ended again, with the same arguments (same port).</summary>
    /// <exception cref="InvalidOperationException">Its process is still running.</exception>
    public void Restart(string node)
    {
        if (!Current(node).HasExited) throw new InvalidOperationException($"{node} is still running; kill it before restarting it");
        Start(Nodes.Single(n => n.Name == node), NodeActionKind.Restarted);
    }

    /// <summary>SIGTERM to every node still running (after SIGCONT, so that a paused one can act on it): each leaves the
    /// cluster and exits. Whatever has not exited after <paramref name="grace"/> is killed.</summary>
    public async Task StopAllAsync(TimeSpan grace)
    {
        Process[] running;
        lock (_gate) running = [.. _processes.Values.Where(p => !p.HasExited)];
        foreach (var process in running)
        {
            var node = NameOf(process);
            PosixSignal.Send(process.Id, PosixSignal.Continue);
            PosixSignal.Send(process.Id, PosixSignal.Terminate);
            Record(node, process, NodeActionKind.Stopped);
        }

        using var deadline = new CancellationTokenSource(grace);
        await Task.WhenAll(running.Select(async process =>
        {
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Log.Warning("{Node} (pid {ProcessId}) did not stop within {Grace} of SIGTERM: killed", NameOf(process), process.Id, grace);
                process.Kill();
                await process.WaitForExitAsync();
            }
        }));
    }

    /// <summary>Stops what still runs (normally nothing: the owner stops the nodes first, with its own grace) and
    /// releases the process handles.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAllAsync(TimeSpan.FromSeconds(10));
        lock (_gate)
        {
            foreach (var process in _processes.Values) process.Dispose();
        }
    }

    private void Start(NodeLaunch node, NodeActionKind kind)
    {
        var info = new ProcessStartInfo(_executable.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in _executable.LeadingArguments.Concat(node.Arguments)) info.ArgumentList.Add(argument);
        foreach (var (name, value) in _environment) info.Environment[name] = value;

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (!string.IsNullOrWhiteSpace(line.Data)) Log.Warning("{Node}: {Line}", node.Name, line.Data);
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (_gate)
        {
            if (_processes.Remove(node.Name, out var earlier)) earlier.Dispose();
            _processes[node.Name] = process;
        }

        Record(node.Name, process, kind);
        Started?.Invoke(node, process.Id);
        Log.Information("{Node} {Action}: pid {ProcessId}, {Address}, log {LogFile}", node.Name, kind.ToString().ToLowerInvariant(), process.Id, node.Address, node.LogFile);
    }

    private void Signal(string node, int signal, NodeActionKind kind)
    {
        var process = Current(node);
        PosixSignal.Send(process.Id, signal);
        Record(node, process, kind);
    }

    private Process Current(string node)
    {
        lock (_gate) return _processes.TryGetValue(node, out var process) ? process : throw new ArgumentException($"no node named {node}", nameof(node));
    }

    private string NameOf(Process process)
    {
        lock (_gate) return _processes.Single(p => p.Value == process).Key;
    }

    private void Record(string node, Process process, NodeActionKind kind)
    {
        lock (_gate) _actions.Add(new NodeAction(_clock.GetUtcNow(), node, process.Id, kind));
    }
}
