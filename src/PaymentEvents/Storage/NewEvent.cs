using System.Text;

namespace PaymentEvents.Storage;

/// <summary>A verified event to store. <paramref name="Payload"/> is the body as received (UTF-8 bytes).</summary>
internal sealed record NewEvent(string Id, string Type, string? ObjectId, bool? Livemode, ReadOnlyMemory<byte> Payload, DateTimeOffset ReceivedAt)
{
    /// <summary>For tests and producers that hold text: the payload is stored as its UTF-8 bytes.</summary>
    public NewEvent(string id, string type, string? objectId, bool? livemode, string payload, DateTimeOffset receivedAt)
        : this(id, type, objectId, livemode, Encoding.UTF8.GetBytes(payload), receivedAt)
    {
    }

    /// <summary>
    /// W3C <c>traceparent</c> of the span that received the event (null when there was none); the processing span
    /// links to it, so a delivery's trace leads to the handler runs that happen later.
    /// </summary>
    public string? TraceParent { get; init; }
}

/// <summary>What storing an event did.</summary>
public enum InsertOutcome
{
    /// <summary>The event is new and now stored.</summary>
    Stored,
    /// <summary>An event with this id was already stored; nothing changed.</summary>
    Duplicate,
}
