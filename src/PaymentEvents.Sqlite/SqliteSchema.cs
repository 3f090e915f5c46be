namespace PaymentEvents.Storage;

/// <summary>
/// SQLite schema, one entry per version (append, never edit a shipped one). Times are INTEGER unix microseconds
/// (UTC): exact comparisons and ordering, same precision as PostgreSQL.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Records applied versions; created before any migration runs.</summary>
    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS payment_events_schema_version (
            version    INTEGER PRIMARY KEY,
            applied_at INTEGER NOT NULL)
        """;

    public static readonly IReadOnlyList<(int Version, string Sql)> Migrations =
    [
        (1, """
            CREATE TABLE payment_events (
                seq              INTEGER PRIMARY KEY AUTOINCREMENT, -- arrival order; AUTOINCREMENT never reuses a value
                id               TEXT    NOT NULL UNIQUE,
                type             TEXT    NOT NULL,
                object_id        TEXT    NULL,
                livemode         INTEGER NULL,
                payload          TEXT    NOT NULL,
                status           TEXT    NOT NULL CHECK (status IN ('received','processing','processed','failed','dead','ignored')),
                received_at      INTEGER NOT NULL,
                updated_at       INTEGER NOT NULL,
                attempts         INTEGER NOT NULL DEFAULT 0,
                next_attempt_at  INTEGER NULL,
                last_error       TEXT    NULL,
                lease_owner      TEXT    NULL,
                lease_expires_at INTEGER NULL,
                lease_token      INTEGER NOT NULL DEFAULT 0
            );
            -- The claim scan walks unfinished events in arrival order; finished ones never enter this index.
            CREATE INDEX ix_payment_events_unfinished ON payment_events (seq)
                WHERE status IN ('received','processing','failed');
            -- Per-object ordering check: "is there an earlier unfinished event of this object?"
            CREATE INDEX ix_payment_events_object_unfinished ON payment_events (object_id, seq)
                WHERE status IN ('received','processing','failed') AND object_id IS NOT NULL;
            -- Admin listing filters (newest first).
            CREATE INDEX ix_payment_events_status_seq ON payment_events (status, seq);
            CREATE INDEX ix_payment_events_type_seq ON payment_events (type, seq);
            CREATE INDEX ix_payment_events_object_seq ON payment_events (object_id, seq);

            CREATE TABLE payment_event_handler_attempts (
                event_id        TEXT    NOT NULL REFERENCES payment_events (id) ON DELETE CASCADE,
                handler         TEXT    NOT NULL,
                attempts        INTEGER NOT NULL,
                succeeded       INTEGER NOT NULL,
                last_error      TEXT    NULL,
                last_attempt_at INTEGER NOT NULL,
                PRIMARY KEY (event_id, handler)
            );
            """),
        (2, """
            -- v2: payload as the bytes that arrived (BLOB), status 'resolved', two attempt counters (total, and since
            -- the last replay for the retry budget), and every handler attempt kept (payment_event_attempts), which
            -- replaces the per-handler summary table. SQLite cannot change a column type or a CHECK: rebuild.
            CREATE TABLE payment_events_v2 (
                seq                   INTEGER PRIMARY KEY AUTOINCREMENT,
                id                    TEXT    NOT NULL UNIQUE,
                type                  TEXT    NOT NULL,
                object_id             TEXT    NULL,
                livemode              INTEGER NULL,
                payload               BLOB    NOT NULL,
                status                TEXT    NOT NULL CHECK (status IN ('received','processing','processed','failed','dead','ignored','resolved')),
                received_at           INTEGER NOT NULL,
                updated_at            INTEGER NOT NULL,
                attempts              INTEGER NOT NULL DEFAULT 0,
                attempts_since_replay INTEGER NOT NULL DEFAULT 0,
                next_attempt_at       INTEGER NULL,
                last_error            TEXT    NULL,
                lease_owner           TEXT    NULL,
                lease_expires_at      INTEGER NULL,
                lease_token           INTEGER NOT NULL DEFAULT 0
            );
            INSERT INTO payment_events_v2
                (seq, id, type, object_id, livemode, payload, status, received_at, updated_at, attempts,
                 attempts_since_replay, next_attempt_at, last_error, lease_owner, lease_expires_at, lease_token)
            SELECT seq, id, type, object_id, livemode, CAST(payload AS BLOB), status, received_at, updated_at,
                   MAX(attempts, COALESCE((SELECT MAX(h.attempts) FROM payment_event_handler_attempts h WHERE h.event_id = payment_events.id), 0)),
                   attempts, next_attempt_at, last_error, lease_owner, lease_expires_at, lease_token
            FROM payment_events;

            -- One history row per old summary row: it stands for the handler's latest attempt (numbered as its count).
            CREATE TEMP TABLE attempts_v1 AS
                SELECT event_id, handler, attempts, succeeded, last_error, last_attempt_at FROM payment_event_handler_attempts;
            DROP TABLE payment_event_handler_attempts;
            DROP TABLE payment_events;
            ALTER TABLE payment_events_v2 RENAME TO payment_events;

            CREATE INDEX ix_payment_events_unfinished ON payment_events (seq)
                WHERE status IN ('received','processing','failed');
            CREATE INDEX ix_payment_events_object_unfinished ON payment_events (object_id, seq)
                WHERE status IN ('received','processing','failed') AND object_id IS NOT NULL;
            CREATE INDEX ix_payment_events_status_seq ON payment_events (status, seq);
            CREATE INDEX ix_payment_events_type_seq ON payment_events (type, seq);
            CREATE INDEX ix_payment_events_object_seq ON payment_events (object_id, seq);
            -- Stats per minute, received-between filters, retention.
            CREATE INDEX ix_payment_events_received_at ON payment_events (received_at);

            CREATE TABLE payment_event_attempts (
                event_id    TEXT    NOT NULL REFERENCES payment_events (id) ON DELETE CASCADE,
                handler     TEXT    NOT NULL,
                attempt     INTEGER NOT NULL,
                started_at  INTEGER NOT NULL,
                duration_us INTEGER NOT NULL,
                outcome     TEXT    NOT NULL CHECK (outcome IN ('succeeded','failed')),
                error       TEXT    NULL,
                PRIMARY KEY (event_id, handler, attempt)
            );
            CREATE INDEX ix_payment_event_attempts_failed ON payment_event_attempts (started_at) WHERE outcome = 'failed';
            INSERT INTO payment_event_attempts (event_id, handler, attempt, started_at, duration_us, outcome, error)
                SELECT event_id, handler, attempts, last_attempt_at, 0, CASE WHEN succeeded THEN 'succeeded' ELSE 'failed' END, last_error
                FROM temp.attempts_v1;
            DROP TABLE temp.attempts_v1;
            """),
        (3, """
            -- v3: the W3C traceparent of the span that received the event; processing links its span to it.
            ALTER TABLE payment_events ADD COLUMN trace_parent TEXT NULL;
            """),
    ];

    public static long ToDb(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromDb(long micros) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * 10), TimeSpan.Zero);
}
