namespace PaymentEvents.Receiver;

/// <summary>
/// Wakes the event processor after a store or a replay so it does not wait for its next poll.
/// The store stays the source of truth: a lost poke only delays processing until that poll.
/// DISPATCH-WIRING: forwards to the dispatch branch's inbox signal once it lands.
/// </summary>
internal sealed class ProcessorWakeUp
{
    private long _pokes;

    /// <summary>How many times the processor was poked (diagnostics).</summary>
    public long Pokes => Interlocked.Read(ref _pokes);

    public void Poke() => Interlocked.Increment(ref _pokes);
}
