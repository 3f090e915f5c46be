namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>Waits for a condition on state (not on time), with a bounded timeout.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? what = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"Condition not met in time: {what ?? "condition"}");
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }
}
