namespace ContinuousOperation.Soak.Tests;

/// <summary>Waits for a condition that another process brings about, checking it every 100 ms up to a deadline (the
/// AwaitAssert of tests that watch a process from outside).</summary>
internal static class Eventually
{
    public static async Task TrueAsync(string what, TimeSpan deadline, Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail($"{what} did not happen within {deadline}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
