using System.Threading.Channels;

namespace PaymentEvents.Processing;

/// <summary>
/// Tells the <see cref="EventProcessor"/> that work may be waiting (an event was stored or replayed,
/// or an event finished and the next one of its object became claimable), so it claims now instead of
/// at its next poll. The store stays the source of truth: a lost notification only delays processing
/// until the next <see cref="ProcessingOptions.PollInterval"/>. Cheap and safe to call from any thread.
/// </summary>
internal sealed class InboxSignal
{
    // Capacity 1, extra writes dropped: any number of notifications while the processor is busy wake it once.
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Wakes the processor (once, however often it is called before the processor looks).</summary>
    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>
    /// Waits until notified, until <paramref name="timeout"/> passes on <paramref name="timeProvider"/>, or until
    /// <paramref name="orUntil"/> completes, then consumes the notification. True when notified or when the timeout
    /// passed (both mean: look for work), false when only <paramref name="orUntil"/> ended the wait. Throws
    /// <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    internal async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider timeProvider, Task? orUntil, CancellationToken cancellationToken)
    {
        if (_channel.Reader.TryRead(out _))
        {
            return true;
        }

        // The losing waits are cancelled so no timer (or FakeTimeProvider waiter) outlives this call.
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var notified = _channel.Reader.WaitToReadAsync(race.Token).AsTask();
        var elapsed = Task.Delay(timeout, timeProvider, race.Token);
        await (orUntil is null ? Task.WhenAny(notified, elapsed) : Task.WhenAny(notified, elapsed, orUntil));
        await race.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return _channel.Reader.TryRead(out _) || elapsed.IsCompletedSuccessfully;
    }
}
