using System.Text.Json;
using System.Text.Json.Serialization;
using PaymentEvents.Storage;

namespace PaymentEvents.Admin;

/// <summary>One row of <c>GET /api/events</c>.</summary>
internal sealed record EventSummary(
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
        e.Id, e.Type, e.ObjectId, e.Livemode, EventStatusText.ToText(e.Status), e.ReceivedAt, e.UpdatedAt,
        e.Attempts, e.NextAttemptAt, e.LastError);
}

/// <summary><c>GET /api/events</c>: a page, and the cursor of the next one (null at the end).</summary>
internal sealed record EventListResponse(
    [property: JsonPropertyName("items")] IReadOnlyList<EventSummary> Items,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);

/// <summary>One handler's bookkeeping for an event.</summary>
internal sealed record HandlerAttemptView(
    [property: JsonPropertyName("handler")] string Handler,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("succeeded")] bool Succeeded,
    [property: JsonPropertyName("last_error")] string? LastError,
    [property: JsonPropertyName("last_attempt_at")] DateTimeOffset LastAttemptAt);

/// <summary><c>GET /api/events/{id}</c>: the stored event with its payload as JSON.</summary>
internal sealed record EventDetail(
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
    [property: JsonPropertyName("history")] IReadOnlyList<AttemptView> History,
    [property: JsonPropertyName("event"), JsonConverter(typeof(RawJsonConverter))] JsonElement Event)
{
    // The receiver's limit (PaymentEventParser.MaxDepth): every stored payload can be shown.
    private static readonly JsonDocumentOptions PayloadOptions = new() { MaxDepth = PaymentEvents.Events.PaymentEventParser.MaxDepth };

    internal static EventDetail From(StoredEvent e)
    {
        using var payload = JsonDocument.Parse(e.Payload, PayloadOptions);
        return new EventDetail(
            e.Id, e.Type, e.ObjectId, e.Livemode, EventStatusText.ToText(e.Status), e.ReceivedAt, e.UpdatedAt,
            e.Attempts, e.NextAttemptAt, e.LastError,
            [.. e.Handlers.Select(h => new HandlerAttemptView(h.Handler, h.Attempts, h.Succeeded, h.LastError, h.LastAttemptAt))],
            [.. e.History.Select(AttemptView.From)],
            payload.RootElement.Clone());
    }
}

/// <summary>One run of one handler (<c>history</c> of <c>GET /api/events/{id}</c>), oldest first.</summary>
internal sealed record AttemptView(
    [property: JsonPropertyName("handler")] string Handler,
    [property: JsonPropertyName("attempt")] int Attempt,
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("duration_ms")] double DurationMs,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("error")] string? Error)
{
    internal static AttemptView From(AttemptRecord a) => new(
        a.Handler, a.Attempt, a.StartedAt, Math.Round(a.Duration.TotalMilliseconds, 3),
        a.Outcome == AttemptOutcome.Succeeded ? "succeeded" : "failed", a.Error);
}

/// <summary><c>GET /api/stats</c>: what the dashboard's overview shows.</summary>
internal sealed record StatsResponse(
    [property: JsonPropertyName("as_of")] DateTimeOffset AsOf,
    [property: JsonPropertyName("counts")] IReadOnlyDictionary<string, long> Counts,
    [property: JsonPropertyName("deliveries_per_minute")] IReadOnlyList<MinuteView> DeliveriesPerMinute,
    [property: JsonPropertyName("failures_per_minute")] IReadOnlyList<MinuteView> FailuresPerMinute,
    [property: JsonPropertyName("oldest_unprocessed_age_seconds")] double? OldestUnprocessedAgeSeconds,
    [property: JsonPropertyName("last_received_at")] DateTimeOffset? LastReceivedAt,
    [property: JsonPropertyName("signature_failures")] IReadOnlyDictionary<string, long> SignatureFailures,
    [property: JsonPropertyName("rejections")] int Rejections)
{
    internal static StatsResponse From(InboxStats s, IReadOnlyList<KeyValuePair<string, long>> signatureFailures, int rejections) => new(
        s.AsOf,
        s.CountsByStatus.OrderBy(p => p.Key).ToDictionary(p => EventStatusText.ToText(p.Key), p => p.Value, StringComparer.Ordinal),
        [.. s.DeliveriesPerMinute.Select(m => new MinuteView(m.Minute, m.Count))],
        [.. s.FailuresPerMinute.Select(m => new MinuteView(m.Minute, m.Count))],
        s.OldestUnprocessedAge?.TotalSeconds,
        s.LastReceivedAt,
        signatureFailures.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        rejections);
}

/// <summary>One minute of a per-minute series (start of the UTC minute).</summary>
internal sealed record MinuteView(
    [property: JsonPropertyName("minute")] DateTimeOffset Minute,
    [property: JsonPropertyName("count")] long Count);

/// <summary>200 body of <c>POST /api/events/{id}/resolve</c>.</summary>
internal sealed record ResolveResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status);

/// <summary>202 body of the replay routes.</summary>
internal sealed record ReplayResponse([property: JsonPropertyName("replayed")] int Replayed);
