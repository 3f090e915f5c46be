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
    ];

    public static long ToDb(DateTimeOffset value) =>
        (StorageText.ToMicroseconds(value).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromDb(long micros) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * 10), TimeSpan.Zero);
}
