using System.Runtime.CompilerServices;
using PaymentEvents.Storage;

namespace PaymentEvents.Processing;

/// <summary>
/// The one way an event enters the inbox, for the webhook callback, the Blocklet event bus and
/// <see cref="IPaymentEventBus.PublishAsync"/>: store it, wake the processor when it is new, and turn a store that could
/// not take it into <see cref="InboxEntryResult.Unavailable"/>, which each caller answers in its own way (503, a retry,
/// an exception).
/// </summary>
internal sealed class InboxEntry(IInboxWriter store, InboxSignal signal)
{
    /// <summary>
    /// Stores <paramref name="newEvent"/> (verified by the caller) within <paramref name="deadline"/> (see
    /// <see cref="IInboxWriter.InsertAsync"/>). A duplicate wakes nobody: its first copy already did.
    /// </summary>
    // Pooled: the state machine of this extra await is reused, so the callback's path allocates nothing more for it.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<InboxEntryResult> StoreAsync(NewEvent newEvent, CancellationToken deadline)
    {
        InsertOutcome outcome;
        try
        {
            outcome = await store.InsertAsync(newEvent, deadline);
        }
        catch (StorageUnavailableException ex)
        {
            // The store's one failure (IInboxWriter): every engine error reaches here as this exception.
            return InboxEntryResult.Unavailable(ex);
        }

        if (outcome == InsertOutcome.Stored)
        {
            // No handler work on the caller's path: the processor claims from the store.
            signal.Notify();
        }

        return new InboxEntryResult(outcome, null);
    }
}

/// <summary>What became of one event at the <see cref="InboxEntry"/>: stored, a duplicate, or not stored.</summary>
/// <param name="Outcome">Stored or duplicate; meaningless when <paramref name="Failure"/> is set.</param>
/// <param name="Failure">Why the store could not take the event, or null when it did.</param>
internal readonly record struct InboxEntryResult(InsertOutcome Outcome, StorageUnavailableException? Failure)
{
    /// <summary>Stored now (the processor was woken).</summary>
    public bool IsStored => Failure is null && Outcome == InsertOutcome.Stored;

    /// <summary>Its id was already in the inbox: nothing changed.</summary>
    public bool IsDuplicate => Failure is null && Outcome == InsertOutcome.Duplicate;

    /// <summary>Not stored: the store was unavailable (or its deadline passed first).</summary>
    public static InboxEntryResult Unavailable(StorageUnavailableException failure) => new(default, failure);
}
