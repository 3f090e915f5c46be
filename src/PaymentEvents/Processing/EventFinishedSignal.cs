namespace PaymentEvents.Processing;

/// <summary>
/// Announces that the <see cref="EventProcessor"/> wrote an event's outcome (processed, ignored, failed or dead), so a
/// waiter (the testing kit's <c>WaitUntilHandledAsync</c>) re-reads the store at once instead of polling it. Which event
/// finished is not said: the store stays the source of truth and the waiter reads it.
/// </summary>
internal sealed class EventFinishedSignal
{
    // Null while nobody waits, so a finish with no waiter costs one interlocked exchange and no allocation.
    private TaskCompletionSource? _next;

    /// <summary>
    /// A task that completes at the next finish after this call. Take it before reading the store: a finish between the
    /// read and the wait then still completes it.
    /// </summary>
    public Task NextFinish()
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (Interlocked.CompareExchange(ref _next, fresh, null) ?? fresh).Task;
    }

    /// <summary>Completes every waiter of <see cref="NextFinish"/> so far.</summary>
    public void Notify() => Interlocked.Exchange(ref _next, null)?.TrySetResult();
}
