namespace PaymentEvents.Storage;

/// <summary>PostgreSQL schema, one entry per version (append, never edit a shipped one).</summary>
internal static class PostgresSchema
{
    /// <summary>
    /// Advisory lock keys (scoped to the database). Migration: one replica migrates at a time.
    /// Claim: claimers take it exclusively, inserts take it shared; see <see cref="PostgresEventStore"/> remarks.
    /// </summary>
    public const long MigrationLockKey = 0x5041_594D_4D49_4701; // "PAYMMIG"
    public const long ClaimLockKey = 0x5041_594D_434C_4D01;     // "PAYMCLM"

    /// <summary>Records applied versions; created before any migration runs.</summary>
    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS payment_events_schema_version (
            version    integer     PRIMARY KEY,
            applied_at timestamptz NOT NULL)
        """;

    public static readonly IReadOnlyList<(int Version, string Sql)> Migrations =
    [
        (1, """
            CREATE TABLE payment_events (
                seq              bigserial   PRIMARY KEY, -- arrival order
                id               text        NOT NULL UNIQUE,
                type             text        NOT NULL,
                object_id        text        NULL,
                livemode         boolean     NULL,
                payload          text        NOT NULL, -- the body as received (jsonb would reorder keys)
                status           text        NOT NULL CHECK (status IN ('received','processing','processed','failed','dead','ignored')),
                received_at      timestamptz NOT NULL,
                updated_at       timestamptz NOT NULL,
                attempts         integer     NOT NULL DEFAULT 0,
                next_attempt_at  timestamptz NULL,
                last_error       text        NULL,
                lease_owner      text        NULL,
                lease_expires_at timestamptz NULL,
                lease_token      bigint      NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_payment_events_unfinished ON payment_events (seq)
                WHERE status IN ('received','processing','failed');
            CREATE INDEX ix_payment_events_object_unfinished ON payment_events (object_id, seq)
                WHERE status IN ('received','processing','failed') AND object_id IS NOT NULL;
            CREATE INDEX ix_payment_events_status_seq ON payment_events (status, seq);
            CREATE INDEX ix_payment_events_type_seq ON payment_events (type, seq);
            CREATE INDEX ix_payment_events_object_seq ON payment_events (object_id, seq);

            CREATE TABLE payment_event_handler_attempts (
                event_id        text        NOT NULL REFERENCES payment_events (id) ON DELETE CASCADE,
                handler         text        NOT NULL,
                attempts        integer     NOT NULL,
                succeeded       boolean     NOT NULL,
                last_error      text        NULL,
                last_attempt_at timestamptz NOT NULL,
                PRIMARY KEY (event_id, handler)
            );
            """),
        (2, """
            -- v2: payload as the bytes that arrived (bytea: text cannot hold a NUL), status 'resolved', two attempt
            -- counters (total, and since the last replay for the retry budget), and every handler attempt kept
            -- (payment_event_attempts), which replaces the per-handler summary table.
            ALTER TABLE payment_events ALTER COLUMN payload TYPE bytea USING convert_to(payload, 'UTF8');
            ALTER TABLE payment_events DROP CONSTRAINT payment_events_status_check;
            ALTER TABLE payment_events ADD CONSTRAINT payment_events_status_check
                CHECK (status IN ('received','processing','processed','failed','dead','ignored','resolved'));
            ALTER TABLE payment_events ADD COLUMN attempts_since_replay integer NOT NULL DEFAULT 0;
            UPDATE payment_events e SET attempts_since_replay = e.attempts,
                attempts = GREATEST(e.attempts, COALESCE((SELECT MAX(h.attempts) FROM payment_event_handler_attempts h WHERE h.event_id = e.id), 0));
            CREATE INDEX ix_payment_events_received_at ON payment_events (received_at);

            CREATE TABLE payment_event_attempts (
                event_id    text        NOT NULL REFERENCES payment_events (id) ON DELETE CASCADE,
                handler     text        NOT NULL,
                attempt     integer     NOT NULL,
                started_at  timestamptz NOT NULL,
                duration_us bigint      NOT NULL,
                outcome     text        NOT NULL CHECK (outcome IN ('succeeded','failed')),
                error       text        NULL,
                PRIMARY KEY (event_id, handler, attempt)
            );
            CREATE INDEX ix_payment_event_attempts_failed ON payment_event_attempts (started_at) WHERE outcome = 'failed';
            -- One history row per old summary row: it stands for the handler's latest attempt (numbered as its count).
            INSERT INTO payment_event_attempts (event_id, handler, attempt, started_at, duration_us, outcome, error)
                SELECT event_id, handler, attempts, last_attempt_at, 0, CASE WHEN succeeded THEN 'succeeded' ELSE 'failed' END, last_error
                FROM payment_event_handler_attempts;
            DROP TABLE payment_event_handler_attempts;
            """),
        (3, """
            -- v3: the W3C traceparent of the span that received the event; processing links its span to it.
            ALTER TABLE payment_events ADD COLUMN trace_parent text NULL;
            """),
    ];
}
