using BenchmarkDotNet.Running;

namespace ContinuousOperation.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (<c>--filter</c>, <c>--job short</c>, <c>--list flat</c>, …);
/// see docs/benchmarks.md for the commands and the figures they gave.</summary>
public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
