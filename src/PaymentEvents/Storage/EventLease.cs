namespace PaymentEvents.Storage;

/// <summary>
/// An event leased to one worker until <see cref="LeaseExpiresAt"/>. <see cref="Attempt"/> counts the tries since
/// the event was stored or last replayed (it drives the retry budget).
/// </summary>
internal sealed record EventLease(
    string EventId,
    string Type,
    string? ObjectId,
    ReadOnlyMemory<byte> Payload,
    int Attempt,
    string Owner,
    DateTimeOffset LeaseExpiresAt)
{
    /// <summary>
    /// Fencing token: grows by one on every claim of the event (never reset, not even by a replay). Renew and finish
    /// only act when the stored token still equals this one, so a worker whose lease was taken over cannot
    /// overwrite the new owner's work, even when both use the same owner name.
    /// </summary>
    public long LeaseToken { get; init; }

    /// <summary>Handlers that already succeeded for this event (read with the claim; they are not run again).</summary>
    public IReadOnlySet<string> SucceededHandlers { get; init; } = EmptySet;

    /// <summary>W3C <c>traceparent</c> stored with the event (<see cref="NewEvent.TraceParent"/>); null when none.</summary>
    public string? TraceParent { get; init; }

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>(StringComparer.Ordinal);
}
