namespace PaymentEvents.Storage;

/// <summary>Inbox writes: the one way an event enters the store (the callback, the Blocklet event bus, <c>IPaymentEventBus.PublishAsync</c>, all through <c>InboxEntry</c>).</summary>
internal interface IInboxWriter
{
    /// <summary>
    /// Stores a verified event before it is acknowledged; concurrent inserts share one commit (group commit), and the
    /// task completes after the commit that holds the row. A known id changes nothing and returns
    /// <see cref="InsertOutcome.Duplicate"/>. Throws <see cref="StorageUnavailableException"/> when the event could not
    /// be stored (the caller answers 503). The payload memory is not used after the task completes.
    /// </summary>
    Task<InsertOutcome> InsertAsync(NewEvent newEvent, CancellationToken cancellationToken);
}
