namespace PaymentEvents.Storage;

/// <summary>Lifecycle of a stored event. Names (lower case) are part of the operator interface.</summary>
public enum EventStatus
{
    /// <summary>Stored, not yet run (or queued again by a replay).</summary>
    Received,
    /// <summary>Claimed by a processor; its handlers are running.</summary>
    Processing,
    /// <summary>Every handler succeeded.</summary>
    Processed,
    /// <summary>A handler failed; it will be retried.</summary>
    Failed,
    /// <summary>A handler failed on every attempt; replay or resolve it.</summary>
    Dead,
    /// <summary>No handler covers its type.</summary>
    Ignored,

    /// <summary>A dead event an operator closed without running it.</summary>
    Resolved,
}
