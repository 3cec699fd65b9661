namespace RobuustOD.TestInfrastructure;

/// <summary>For what arrives asynchronously (events, deliveries): poll until it holds, or fail with what was seen.</summary>
public static class Eventually
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<Task<string>> describe, CancellationToken ct,
        int pollMilliseconds = 25)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached within {timeout}: {await describe()}");
            }

            await Task.Delay(pollMilliseconds, ct);
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe, CancellationToken ct,
        int pollMilliseconds = 25) =>
        UntilAsync(condition, timeout, () => Task.FromResult(describe()), ct, pollMilliseconds);

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe, CancellationToken ct,
        int pollMilliseconds = 25) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, describe, ct, pollMilliseconds);
}
