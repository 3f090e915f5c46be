using System.Text.Json;
using System.Text.Json.Serialization;
using PaymentEvents.Storage;

namespace PaymentEvents.Admin;

/// <summary>One row of <c>GET /api/events</c>.</summary>
public sealed record EventSummary(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("object_id")] string? ObjectId,
    [property: JsonPropertyName("livemode")] bool? Livemode,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("received_at")] DateTimeOffset ReceivedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("attempt_count")] int AttemptCount,
    [property: JsonPropertyName("next_attempt_at")] DateTimeOffset? NextAttemptAt,
    [property: JsonPropertyName("last_error")] string? LastError)
{
    internal static EventSummary From(StoredEvent e) => new(
        e.Id, e.Type, e.ObjectId, e.Livemode, EventStatusNames.ToName(e.Status), e.ReceivedAt, e.UpdatedAt,
        e.Attempts, e.NextAttemptAt, e.LastError);
}

/// <summary><c>GET /api/events</c>: a page, and the cursor of the next one (null at the end).</summary>
public sealed record EventListResponse(
    [property: JsonPropertyName("items")] IReadOnlyList<EventSummary> Items,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);

/// <summary>One handler's bookkeeping for an event.</summary>
public sealed record HandlerAttemptView(
    [property: JsonPropertyName("handler")] string Handler,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("succeeded")] bool Succeeded,
    [property: JsonPropertyName("last_error")] string? LastError,
    [property: JsonPropertyName("last_attempt_at")] DateTimeOffset LastAttemptAt);

/// <summary><c>GET /api/events/{id}</c>: the stored event with its payload as JSON.</summary>
public sealed record EventDetail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("object_id")] string? ObjectId,
    [property: JsonPropertyName("livemode")] bool? Livemode,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("received_at")] DateTimeOffset ReceivedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("attempt_count")] int AttemptCount,
    [property: JsonPropertyName("next_attempt_at")] DateTimeOffset? NextAttemptAt,
    [property: JsonPropertyName("last_error")] string? LastError,
    [property: JsonPropertyName("attempts")] IReadOnlyList<HandlerAttemptView> Attempts,
    [property: JsonPropertyName("event"), JsonConverter(typeof(RawJsonConverter))] JsonElement Event)
{
    // The receiver's limit (PaymentEventParser.MaxDepth): every stored payload can be shown.
    private static readonly JsonDocumentOptions PayloadOptions = new() { MaxDepth = PaymentEvents.Events.PaymentEventParser.MaxDepth };

    internal static EventDetail From(StoredEvent e)
    {
        using var payload = JsonDocument.Parse(e.Payload, PayloadOptions);
        return new EventDetail(
            e.Id, e.Type, e.ObjectId, e.Livemode, EventStatusNames.ToName(e.Status), e.ReceivedAt, e.UpdatedAt,
            e.Attempts, e.NextAttemptAt, e.LastError,
            [.. e.Handlers.Select(h => new HandlerAttemptView(h.Handler, h.Attempts, h.Succeeded, h.LastError, h.LastAttemptAt))],
            payload.RootElement.Clone());
    }
}

/// <summary>202 body of the replay routes.</summary>
public sealed record ReplayResponse([property: JsonPropertyName("replayed")] int Replayed);

/// <summary>The lower-case status names of README.md, "HTTP".</summary>
internal static class EventStatusNames
{
    public const string Allowed = "received, processing, processed, failed, dead, ignored";

    public static string ToName(EventStatus status) => status switch
    {
        EventStatus.Received => "received",
        EventStatus.Processing => "processing",
        EventStatus.Processed => "processed",
        EventStatus.Failed => "failed",
        EventStatus.Dead => "dead",
        EventStatus.Ignored => "ignored",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? text, out EventStatus status)
    {
        switch (text)
        {
            case "received": status = EventStatus.Received; return true;
            case "processing": status = EventStatus.Processing; return true;
            case "processed": status = EventStatus.Processed; return true;
            case "failed": status = EventStatus.Failed; return true;
            case "dead": status = EventStatus.Dead; return true;
            case "ignored": status = EventStatus.Ignored; return true;
            default: status = default; return false;
        }
    }
}
