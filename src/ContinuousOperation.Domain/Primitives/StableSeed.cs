namespace ContinuousOperation.Domain.Primitives;

/// <summary>Derives independent, reproducible seeds from the run's seed. <c>string.GetHashCode</c> is randomised per
/// process, so it cannot be used: the same run seed must give the same streams in every process.</summary>
public static class StableSeed
{
    public static int Derive(int runSeed, string stream, int incarnation = 0)
    {
        unchecked
        {
            // FNV-1a over the run seed, the stream name and the incarnation.
            var hash = 2166136261u;
            foreach (var b in BitConverter.GetBytes(runSeed)) hash = (hash ^ b) * 16777619u;
            foreach (var c in stream) hash = (hash ^ c) * 16777619u;
            foreach (var b in BitConverter.GetBytes(incarnation)) hash = (hash ^ b) * 16777619u;
            return (int)hash;
        }
    }
}
