namespace PaymentEvents.Storage;

/// <summary>The store could not take the write (database down, disk full, ...). The receiver answers 503.</summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the store error behind it.</summary>
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// What to fix when no retry can cure the error (no such database, wrong password, no permission), as the engine
    /// recognises it; null for errors that may pass (server starting, network).
    /// </summary>
    public string? PermanentReason { get; init; }

    /// <summary>
    /// For a write given up at the caller's deadline while it was already being committed: completes when that commit
    /// has ended (either way), after which the write no longer reads its input (the payload memory). Null otherwise.
    /// </summary>
    internal Task? InFlightWrite { get; init; }
}
