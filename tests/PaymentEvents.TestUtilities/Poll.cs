namespace PaymentEvents.TestUtilities;

/// <summary>
/// Waits for a state, not for time: re-checks a condition until it holds or a generous real-time bound runs out.
/// The short pause between checks only paces the loop; the condition is the synchronisation.
/// </summary>
public static class Poll
{
    /// <summary>Generous, so a loaded machine (a CPU hog beside the tests) does not turn a slow pass into a failure.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    /// <summary>Waits until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    /// <param name="condition">The state waited for.</param>
    /// <param name="timeout">Real-time bound; <see cref="DefaultTimeout"/> when null.</param>
    /// <param name="what">What is waited for, for the timeout message.</param>
    /// <param name="betweenChecks">Run after each failed check, e.g. to move a fake clock on.</param>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? what = null, Action? betweenChecks = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var deadline = Environment.TickCount64 + (long)limit.TotalMilliseconds;
        while (!await condition().ConfigureAwait(false))
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"Timed out after {limit} waiting for {what ?? "a condition"}.");
            }

            betweenChecks?.Invoke();
            await Task.Delay(Interval).ConfigureAwait(false);
        }
    }

    /// <inheritdoc cref="UntilAsync(Func{Task{bool}}, TimeSpan?, string?, Action?)"/>
    public static Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null, string? what = null, Action? betweenChecks = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(() => Task.FromResult(condition()), timeout, what, betweenChecks);
    }
}
