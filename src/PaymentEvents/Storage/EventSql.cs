namespace PaymentEvents.Storage;

/// <summary>
/// SQL text both engines run unchanged (parameters are <c>@name</c>, see <see cref="StoreCommands"/>). What differs
/// (claim locking, upserts, DDL) stays with each store.
/// </summary>
internal static class EventSql
{
    /// <summary>The columns <see cref="EventRows.ReadEvent"/> reads, in its order.</summary>
    public const string EventColumns =
        "seq, id, type, object_id, livemode, payload, status, received_at, updated_at, attempts, next_attempt_at, last_error";

    public const string SelectEvent = $"SELECT {EventColumns} FROM payment_events WHERE id = @id";

    public const string SucceededHandlers =
        "SELECT handler FROM payment_event_handler_attempts WHERE event_id = @id AND succeeded = TRUE";

    public const string CountVersions = "SELECT COUNT(*) FROM payment_events_schema_version";

    public const string CurrentVersion = "SELECT COALESCE(MAX(version), 0) FROM payment_events_schema_version";

    public const string RecordVersion = "INSERT INTO payment_events_schema_version (version, applied_at) VALUES (@v, @now)";

    public const string InsertEvent = """
        INSERT INTO payment_events
            (id, type, object_id, livemode, payload, status, received_at, updated_at, attempts, next_attempt_at)
        VALUES (@id, @type, @object_id, @livemode, @payload, 'received', @received_at, @now, 0, @now)
        ON CONFLICT (id) DO NOTHING
        """;

    /// <summary>
    /// The <c>seq</c> of up to <c>@max</c> due events, in arrival order. Due = received, failed whose retry time came,
    /// or processing whose lease expired (a dead worker). Per object only the earliest unfinished event may run, and
    /// none while another event of the object holds a live lease (a replayed older event must wait for the one in
    /// flight). Each engine wraps it in its own claiming UPDATE.
    /// </summary>
    public const string DueEvents = """
        SELECT e.seq FROM payment_events e
        WHERE e.status IN ('received', 'processing', 'failed')
          AND (e.status = 'received'
               OR (e.status = 'failed' AND e.next_attempt_at <= @now)
               OR (e.status = 'processing' AND e.lease_expires_at <= @now))
          AND (e.object_id IS NULL OR NOT EXISTS (
               SELECT 1 FROM payment_events p
               WHERE p.object_id = e.object_id AND p.seq <> e.seq
                 AND p.status IN ('received', 'processing', 'failed')
                 AND (p.seq < e.seq OR (p.status = 'processing' AND p.lease_expires_at > @now))))
        ORDER BY e.seq
        LIMIT @max
        """;

    /// <summary>The status filter of a bulk replay.</summary>
    public static string ReplayFilter(string? type) => type is null ? "status = @status" : "status = @status AND type = @type";

    // Handler success rows are deliberately left alone: a handler that succeeded never runs again.
    // An event in flight under a live lease is skipped; its worker finishes it.
    public static string Replay(string filter) => $"""
        UPDATE payment_events
        SET status = 'received', next_attempt_at = @now, attempts = 0,
            lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
        WHERE {filter} AND NOT (status = 'processing' AND lease_expires_at > @now)
        """;

    // Fencing: the stored lease must still be the caller's (same owner and token, still processing).
    public static string FencedUpdate(string assignments) =>
        $"UPDATE payment_events SET {assignments} WHERE id = @id AND status = 'processing' AND lease_owner = @owner AND lease_token = @token";

    public static string Handlers(string eventIdCondition) => $"""
        SELECT event_id, handler, attempts, succeeded, last_error, last_attempt_at
        FROM payment_event_handler_attempts WHERE {eventIdCondition}
        ORDER BY event_id, handler
        """;
}
