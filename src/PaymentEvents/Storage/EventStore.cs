using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PaymentEvents.Storage;

/// <summary>
/// The inbox over ADO.NET, written once for every engine: each operation with the SQL it runs. The engines
/// (<c>SqliteEventStore</c> in PaymentEvents.Sqlite, <c>PostgresEventStore</c> in PaymentEvents.PostgreSql) override only what differs: connections and
/// transactions, how a time is stored, the claim (locking), the insert batch (PostgreSQL sends it in one round
/// trip) and the DDL. Parameters are written <c>@name</c>; both providers bind them by that name.
/// <para>
/// Writes of the hot paths are group-committed (<see cref="GroupCommit{TItem,TResult}"/>): concurrent inserts
/// share one transaction, and so do the completions of events that finish together.
/// </para>
/// </summary>
internal abstract class EventStore : IEventStore, IAsyncDisposable, IDisposable
{
    /// <summary>Errors can be whole stack traces; keep rows small and the admin API readable.</summary>
    public const int MaxErrorLength = 4000;

    /// <summary>Most items in one group commit (bounded so one transaction stays short).</summary>
    private const int MaxBatch = 256;

    /// <summary>The columns <see cref="ReadEvent"/> reads, in its order.</summary>
    private const string EventColumns =
        "seq, id, type, object_id, livemode, payload, status, received_at, updated_at, attempts, next_attempt_at, last_error";

    private const string Unfinished = "('received', 'processing', 'failed')";

    private readonly GroupCommit<NewEvent, InsertOutcome> _inserts;
    private readonly GroupCommit<EventCompletion, bool> _finishes;

    protected EventStore(TimeProvider time, ILogger logger)
    {
        Time = time;
        Logger = logger;
        _inserts = new(batch => TrackWriteAsync(InsertBatchAsync(batch)), MaxBatch);
        _finishes = new(batch => TrackWriteAsync(FinishBatchAsync(batch)), MaxBatch);
    }

    protected TimeProvider Time { get; }

    protected ILogger Logger { get; }

    /// <summary>Engine name in logs (<c>sqlite</c>, <c>postgres</c>).</summary>
    protected abstract string Engine { get; }

    /// <summary>Engine name in error messages (<c>SQLite</c>, <c>PostgreSQL</c>).</summary>
    protected abstract string DisplayName { get; }

    /// <summary>Schema versions, applied in order (append, never edit a shipped one).</summary>
    protected abstract IReadOnlyList<(int Version, string Sql)> Migrations { get; }

    /// <summary>Creates <c>payment_events_schema_version</c> if missing.</summary>
    protected abstract string VersionTableSql { get; }

    // ---- engine primitives -------------------------------------------------------------------------------------

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Starts a write transaction (SQLite: BEGIN IMMEDIATE).</summary>
    protected virtual async Task<DbTransaction> BeginWriteAsync(DbConnection connection) =>
        await connection.BeginTransactionAsync(CancellationToken.None);

    /// <summary>True for the provider's own exceptions (they become <see cref="StorageUnavailableException"/>).</summary>
    protected abstract bool IsDatabaseError(Exception exception);

    /// <summary>What to fix for a database error that no retry can cure; null when waiting may help.</summary>
    protected virtual string? PermanentReason(Exception exception) => null;

    /// <summary>Called after a database error (PostgreSQL drops pooled connections that are likely dead too).</summary>
    protected virtual void OnDatabaseError()
    {
    }

    /// <summary>A time as a parameter value, at the stored precision (microseconds).</summary>
    protected abstract object ToDb(DateTimeOffset value);

    protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>SQL for "the whole minutes since the Unix epoch" of a time column.</summary>
    protected abstract string MinuteOf(string column);

    /// <summary>A payload as a parameter value (bytes: BLOB / bytea).</summary>
    protected virtual object PayloadValue(ReadOnlyMemory<byte> payload) =>
        MemoryMarshal.TryGetArray(payload, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : payload.ToArray();

    /// <summary>Runs in the migration transaction before anything else (PostgreSQL: one replica at a time).</summary>
    protected virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction) => Task.CompletedTask;

    // ---- schema ------------------------------------------------------------------------------------------------

    private const string MigrateOperation = "migrate the schema";

    public virtual Task MigrateAsync(CancellationToken cancellationToken) =>
        WriteAsync(MigrateOperation, async (connection, transaction) =>
        {
            await LockForMigrationAsync(connection, transaction);
            await NonQueryAsync(connection, transaction, VersionTableSql);
            var current = Convert.ToInt32(
                await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM payment_events_schema_version"),
                CultureInfo.InvariantCulture);
            foreach (var (version, sql) in Migrations.Where(m => m.Version > current))
            {
                await NonQueryAsync(connection, transaction, sql);
                await NonQueryAsync(connection, transaction,
                    "INSERT INTO payment_events_schema_version (version, applied_at) VALUES (@v, @now)", ("v", version), ("now", Now()));
                current = version;
            }

            Logger.SchemaReady(Engine, current);
            return current;
        }, cancellationToken);

    /// <summary>
    /// True when the database answers a trivial query and writes are not failing. After a failed write (disk full,
    /// read-only, no permission) it is false; once that failure is <see cref="WriteFailureHold"/> old, each check tries
    /// one tiny write (<see cref="WriteProbeSql"/>) and is true again when it commits (on a nearly full disk that may
    /// pass while larger events still fail; the next failed write makes it false again). A database that does not
    /// answer at all is false for that reason alone, and the write failure it caused is forgotten: once it answers
    /// again it is true at once. A healthy store costs one read per check.
    /// </summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using (var connection = await OpenAsync(cancellationToken))
            await using (var command = Command(connection, null, "SELECT COUNT(*) FROM payment_events_schema_version"))
            {
                await command.ExecuteScalarAsync(cancellationToken);
            }
        }
        catch (Exception e) when (IsDatabaseError(e))
        {
            OnDatabaseError();
            Volatile.Write(ref _writeFailure, null);
            return false;
        }

        if (Volatile.Read(ref _writeFailure) is not { } failure)
        {
            return true;
        }

        if (Time.GetElapsedTime(failure.At) < WriteFailureHold)
        {
            return false;
        }

        try
        {
            await WriteAsync("probe writes", (connection, transaction) => NonQueryAsync(connection, transaction, WriteProbeSql), cancellationToken);
            return true;
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    /// <summary>How long a failed write keeps the store unhealthy before a check probes with a write of its own.</summary>
    internal static readonly TimeSpan WriteFailureHold = TimeSpan.FromSeconds(10);

    /// <summary>A write that changes nothing but must reach the disk to commit (a new row version / WAL frame).</summary>
    private const string WriteProbeSql =
        "UPDATE payment_events_schema_version SET applied_at = applied_at WHERE version = (SELECT MAX(version) FROM payment_events_schema_version)";

    private sealed record WriteFailure(long At, string Reason);

    private WriteFailure? _writeFailure;

    /// <summary>Why writes are failing (the last write's error), or null when the last write committed.</summary>
    internal string? WriteFailureReason => Volatile.Read(ref _writeFailure)?.Reason;

    /// <summary>Records how the latest write ended: null when it committed, else its error (readiness reads this).</summary>
    protected void RecordWrite(StorageUnavailableException? failure) =>
        Volatile.Write(ref _writeFailure, failure is null ? null : new WriteFailure(Time.GetTimestamp(), failure.Message));

    /// <summary><paramref name="write"/>, its outcome recorded for readiness.</summary>
    protected async Task<T> TrackWriteAsync<T>(Task<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            var result = await write;
            RecordWrite(null);
            return result;
        }
        catch (StorageUnavailableException e)
        {
            RecordWrite(e);
            throw;
        }
    }

    // ---- the inbox ---------------------------------------------------------------------------------------------

    /// <inheritdoc/>
    /// <remarks>
    /// <paramref name="cancellationToken"/> is the caller's deadline: when it fires first the task fails with
    /// <see cref="StorageUnavailableException"/> at once. A queued event is then never written; one whose commit had
    /// begun may still be stored (a redelivery is then a duplicate), and the payload memory is read until
    /// <see cref="StorageUnavailableException.InFlightWrite"/> completes.
    /// </remarks>
    public Task<InsertOutcome> InsertAsync(NewEvent newEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newEvent);
        cancellationToken.ThrowIfCancellationRequested();
        return _inserts.SubmitAsync(newEvent, cancellationToken);
    }

    protected const string InsertEventSql = """
        INSERT INTO payment_events
            (id, type, object_id, livemode, payload, status, received_at, updated_at, attempts, attempts_since_replay, next_attempt_at, trace_parent)
        VALUES (@id, @type, @object_id, @livemode, @payload, 'received', @received_at, @now, 0, 0, @now, @trace_parent)
        ON CONFLICT (id) DO NOTHING
        """;

    /// <summary>The parameters of <see cref="InsertEventSql"/>.</summary>
    protected (string Name, object? Value)[] InsertValues(NewEvent newEvent, object now) =>
    [
        ("id", newEvent.Id), ("type", newEvent.Type), ("object_id", newEvent.ObjectId), ("livemode", newEvent.Livemode),
        ("payload", PayloadValue(newEvent.Payload)), ("received_at", ToDb(newEvent.ReceivedAt)), ("now", now),
        ("trace_parent", newEvent.TraceParent),
    ];

    /// <summary>
    /// One group commit of inserts: every row in one transaction. Within a batch the first copy of an id is the one
    /// stored; later copies are duplicates.
    /// </summary>
    protected virtual Task<IReadOnlyList<InsertOutcome>> InsertBatchAsync(IReadOnlyList<NewEvent> batch) =>
        WriteAsync("store events", async (connection, transaction) =>
        {
            var outcomes = new InsertOutcome[batch.Count];
            var now = Now();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < batch.Count; i++)
            {
                outcomes[i] = seen.Add(batch[i].Id)
                    && await NonQueryAsync(connection, transaction, InsertEventSql, InsertValues(batch[i], now)) == 1
                    ? InsertOutcome.Stored
                    : InsertOutcome.Duplicate;
            }

            return (IReadOnlyList<InsertOutcome>)outcomes;
        }, CancellationToken.None);

    // ---- claiming and leases -----------------------------------------------------------------------------------

    /// <summary>
    /// The <c>seq</c> of up to <c>@max</c> due events, in arrival order. Due = received, failed whose retry time came,
    /// or processing whose lease expired (a dead worker). Per object only the earliest unfinished event may run, and
    /// none while another event of the object holds a live lease (a replayed older event must wait for the one in
    /// flight). Each engine wraps it in its own claiming UPDATE (<see cref="ClaimDueAsync"/>).
    /// <para>
    /// Due-ness is a CASE, not an OR of status tests: profiled under load on PostgreSQL, the OR made the planner OR
    /// together bitmap scans of the status index, whose entries for every row that has since moved on stay until a
    /// vacuum, so a claim read ~40,000 dead entries (6-20 ms, under the claim lock that inserts wait for). With only
    /// <c>status IN (...)</c> indexable, the claim walks the partial index <c>ix_payment_events_unfinished</c> in
    /// <c>seq</c> order and stops at <c>@max</c>; a plain index scan also marks the dead entries it meets, so the next
    /// claim skips them (0.2 ms).
    /// </para>
    /// </summary>
    protected const string DueEventsSql = $"""
        SELECT e.seq FROM payment_events e
        WHERE e.status IN {Unfinished}
          AND CASE e.status WHEN 'received' THEN 1 = 1
                            WHEN 'failed' THEN e.next_attempt_at <= @now
                            ELSE e.lease_expires_at <= @now END
          AND (e.object_id IS NULL OR NOT EXISTS (
               SELECT 1 FROM payment_events p
               WHERE p.object_id = e.object_id AND p.seq <> e.seq
                 AND p.status IN {Unfinished}
                 AND (p.seq < e.seq OR (p.status = 'processing' AND p.lease_expires_at > @now))))
        ORDER BY e.seq
        LIMIT @max
        """;

    /// <summary>The SET list of a claim (parameters <c>@owner, @expires, @now</c>).</summary>
    protected const string ClaimAssignments = """
        status = 'processing', lease_owner = @owner, lease_expires_at = @expires,
        attempts = attempts + 1, attempts_since_replay = attempts_since_replay + 1,
        lease_token = lease_token + 1, updated_at = @now
        """;

    /// <summary>What a claim returns; read by <see cref="ReadLeasesAsync"/>.</summary>
    protected const string ClaimReturning = "seq, id, type, object_id, payload, attempts_since_replay, lease_token, attempts, trace_parent";

    /// <summary>Leases the due events (<see cref="DueEventsSql"/>) with the engine's locking; arrival order.</summary>
    protected abstract Task<List<(EventLease Lease, int TotalAttempts)>> ClaimDueAsync(
        string owner, int max, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken);

    public async Task<IReadOnlyList<EventLease>> ClaimAsync(string owner, int max, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        var now = ToMicroseconds(Time.GetUtcNow());
        var claimed = await ClaimDueAsync(owner, max, now, ToMicroseconds(now + leaseDuration), cancellationToken);

        // An event claimed for the first time has no attempts yet: only tried-before events need their successes.
        var again = claimed.Where(c => c.TotalAttempts > 1).Select(c => c.Lease.EventId).ToList();
        if (again.Count == 0)
        {
            return [.. claimed.Select(c => c.Lease)];
        }

        var succeeded = await RunAsync("read handler results", async connection =>
        {
            var (condition, parameters) = EventIdIn(again);
            var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            await using var command = Command(connection, null,
                $"SELECT event_id, handler FROM payment_event_attempts WHERE outcome = 'succeeded' AND {condition}", parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                if (!map.TryGetValue(id, out var set))
                {
                    map[id] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(reader.GetString(1));
            }

            return map;
        }, cancellationToken);
        return [.. claimed.Select(c => succeeded.TryGetValue(c.Lease.EventId, out var set) ? c.Lease with { SucceededHandlers = set } : c.Lease)];
    }

    /// <summary>Rows of a claim's RETURNING <see cref="ClaimReturning"/>, in arrival order (RETURNING order is unspecified).</summary>
    protected static async Task<List<(EventLease Lease, int TotalAttempts)>> ReadLeasesAsync(
        DbDataReader reader, string owner, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var rows = new List<(long Seq, EventLease Lease, int Total)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), new EventLease(
                reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<byte[]>(4), reader.GetInt32(5), owner, expires)
            {
                LeaseToken = reader.GetInt64(6),
                TraceParent = reader.IsDBNull(8) ? null : reader.GetString(8),
            }, reader.GetInt32(7)));
        }

        rows.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return [.. rows.Select(r => (r.Lease, r.Total))];
    }

    // Fencing: the stored lease must still be the caller's (same owner and token, still processing).
    private const string Fence = "id = @id AND status = 'processing' AND lease_owner = @owner AND lease_token = @token";

    public Task<bool> RenewLeaseAsync(EventLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return WriteAsync("renew a lease", async (connection, transaction) =>
        {
            var rows = await NonQueryAsync(connection, transaction,
                $"UPDATE payment_events SET lease_expires_at = @expires, updated_at = @now WHERE {Fence}",
                [.. FenceValues(lease), ("now", Now()), ("expires", ToDb(Time.GetUtcNow() + leaseDuration))]);
            return LeaseHeld(lease, rows, "renew its lease");
        }, cancellationToken);
    }

    public Task<bool> FinishAsync(EventCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        completion.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        return _finishes.SubmitAsync(completion, CancellationToken.None);
    }

    /// <summary>The fenced status change of a completion (parameters: <see cref="FinishValues"/>).</summary>
    protected const string FinishEventSql = $"""
        UPDATE payment_events
        SET status = @status, last_error = COALESCE(@error, last_error), next_attempt_at = @retry,
            lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
        WHERE {Fence}
        """;

    /// <summary>The parameters of <see cref="FinishEventSql"/>.</summary>
    protected (string Name, object? Value)[] FinishValues(EventCompletion completion, object now) =>
    [
        .. FenceValues(completion.Lease), ("now", now), ("status", EventStatusText.ToText(completion.Status)),
        ("error", completion.Error is null ? null : Truncate(completion.Error)),
        ("retry", completion.RetryAt is { } at ? ToDb(at) : null),
    ];

    /// <summary>
    /// One handler run as an attempt row, numbered after the ones already stored for that handler
    /// (parameters: <see cref="RunValues"/>).
    /// </summary>
    private const string InsertAttemptSql = """
        INSERT INTO payment_event_attempts (event_id, handler, attempt, started_at, duration_us, outcome, error)
        SELECT @id, @handler, COALESCE(MAX(attempt), 0) + 1, @started, @duration, @outcome, @error
        FROM payment_event_attempts WHERE event_id = @id AND handler = @handler
        """;

    /// <summary>The attempt columns of a run: handler, started, duration (microseconds), outcome, error.</summary>
    protected (string Name, object? Value)[] RunValues(HandlerRun run) =>
    [
        ("handler", run.Handler), ("started", ToDb(run.StartedAt)), ("duration", run.Duration.Ticks / 10),
        ("outcome", run.Succeeded ? "succeeded" : "failed"), ("error", run.Error is null ? null : Truncate(run.Error)),
    ];

    /// <summary>
    /// One group commit of event outcomes, in one transaction: for each event the fenced status change, then (only
    /// when the lease held) its handler attempts, numbered after the ones already stored for that handler. True per
    /// completion whose lease held; a lost lease writes nothing for its event. This version sends each statement on
    /// its own (SQLite runs in process, so that costs nothing); PostgreSQL sends the whole batch in one round trip.
    /// </summary>
    protected virtual Task<IReadOnlyList<bool>> FinishBatchAsync(IReadOnlyList<EventCompletion> batch) =>
        WriteAsync("record event outcomes", async (connection, transaction) =>
        {
            var held = new bool[batch.Count];
            var now = Now();
            for (var i = 0; i < batch.Count; i++)
            {
                var c = batch[i];
                var rows = await NonQueryAsync(connection, transaction, FinishEventSql, FinishValues(c, now));
                held[i] = LeaseHeld(c.Lease, rows, FinishOperation);
                if (!held[i])
                {
                    continue;
                }

                foreach (var run in c.Runs)
                {
                    await NonQueryAsync(connection, transaction, InsertAttemptSql, [("id", c.Lease.EventId), .. RunValues(run)]);
                }
            }

            return (IReadOnlyList<bool>)held;
        }, CancellationToken.None);

    /// <summary>What a completion whose lease was lost failed to do (for the log).</summary>
    protected const string FinishOperation = "record its outcome";

    public Task<IReadOnlyList<string>> GetLeaseOwnersAsync(CancellationToken cancellationToken) =>
        RunAsync("read lease owners", async connection =>
        {
            var owners = new List<string>();
            await using var command = Command(connection, null,
                "SELECT DISTINCT lease_owner FROM payment_events WHERE status = 'processing' AND lease_owner IS NOT NULL");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                owners.Add(reader.GetString(0));
            }

            return (IReadOnlyList<string>)owners;
        }, cancellationToken);

    public Task<int> ExpireLeasesAsync(string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return WriteAsync("release leases", (connection, transaction) => NonQueryAsync(connection, transaction,
            "UPDATE payment_events SET lease_expires_at = @now, updated_at = @now WHERE status = 'processing' AND lease_owner = @owner",
            ("owner", owner), ("now", Now())), cancellationToken);
    }

    public Task<IReadOnlySet<string>> GetSucceededHandlersAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        return RunAsync("read handler results", async connection =>
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            await using var command = Command(connection, null,
                "SELECT DISTINCT handler FROM payment_event_attempts WHERE event_id = @id AND outcome = 'succeeded'", ("id", eventId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                set.Add(reader.GetString(0));
            }

            return (IReadOnlySet<string>)set;
        }, cancellationToken);
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    public Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return RunAsync("read an event", async connection =>
        {
            StoredEvent? found = null;
            await using (var command = Command(connection, null, $"SELECT {EventColumns} FROM payment_events WHERE id = @id", ("id", id)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    found = ReadEvent(reader);
                }
            }

            if (found is null)
            {
                return null;
            }

            var history = await ReadAttemptsAsync(connection, [found.Id], cancellationToken);
            var mine = history.GetValueOrDefault(found.Id, []);
            return found with { Handlers = Summarize(mine), History = mine };
        }, cancellationToken);
    }

    public Task<EventPage> ListAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = EventCursor.ClampLimit(query.Limit);
        var after = EventCursor.Decode(query.Cursor); // throws for a foreign cursor before any database work
        var sql = new StringBuilder($"SELECT {EventColumns} FROM payment_events e WHERE 1 = 1");
        var parameters = new List<(string, object?)> { ("limit", limit + 1) };
        void Filter(string condition, string name, object? value)
        {
            sql.Append(" AND ").Append(condition);
            parameters.Add((name, value));
        }

        if (query.Type is not null)
        {
            Filter("type = @type", "type", query.Type);
        }

        if (query.Status is { } status)
        {
            Filter("status = @status", "status", EventStatusText.ToText(status));
        }

        if (query.ObjectId is not null)
        {
            Filter("object_id = @object_id", "object_id", query.ObjectId);
        }

        if (query.Livemode is { } livemode)
        {
            Filter("livemode = @livemode", "livemode", livemode);
        }

        if (query.ReceivedAfter is { } from)
        {
            Filter("received_at >= @received_after", "received_after", ToDb(from));
        }

        if (query.ReceivedBefore is { } before)
        {
            Filter("received_at < @received_before", "received_before", ToDb(before));
        }

        if (query.Handler is not null)
        {
            Filter("EXISTS (SELECT 1 FROM payment_event_attempts a WHERE a.event_id = e.id AND a.handler = @handler)", "handler", query.Handler);
        }

        if (!string.IsNullOrEmpty(query.IdPrefix))
        {
            // substr/length count characters alike on both engines (LIKE differs: SQLite ignores ASCII case).
            Filter("substr(id, 1, length(@id_prefix)) = @id_prefix", "id_prefix", query.IdPrefix);
        }

        if (after is not null)
        {
            Filter("seq < @after", "after", after);
        }

        sql.Append(" ORDER BY seq DESC LIMIT @limit");
        return RunAsync("list events", async connection =>
        {
            var rows = new List<(long Seq, StoredEvent Event)>();
            await using (var command = Command(connection, null, sql.ToString(), [.. parameters]))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetInt64(0), ReadEvent(reader)));
                }
            }

            var page = rows.Take(limit).ToList();
            var history = await ReadAttemptsAsync(connection, [.. page.Select(r => r.Event.Id)], cancellationToken);
            return new EventPage(
                [.. page.Select(r => r.Event with { Handlers = Summarize(history.GetValueOrDefault(r.Event.Id, [])) })],
                rows.Count > limit ? EventCursor.Encode(page[^1].Seq) : null);
        }, cancellationToken);
    }

    private StoredEvent ReadEvent(DbDataReader reader) => new(
        Id: reader.GetString(1),
        Type: reader.GetString(2),
        ObjectId: reader.IsDBNull(3) ? null : reader.GetString(3),
        Livemode: reader.IsDBNull(4) ? null : reader.GetBoolean(4),
        Status: EventStatusText.Parse(reader.GetString(6)),
        ReceivedAt: ReadTime(reader, 7),
        UpdatedAt: ReadTime(reader, 8),
        Attempts: reader.GetInt32(9),
        NextAttemptAt: reader.IsDBNull(10) ? null : ReadTime(reader, 10),
        LastError: reader.IsDBNull(11) ? null : reader.GetString(11),
        Payload: Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(5)),
        Handlers: []);

    /// <summary>Every attempt of these events, oldest first, by event id.</summary>
    private async Task<Dictionary<string, IReadOnlyList<AttemptRecord>>> ReadAttemptsAsync(
        DbConnection connection, IReadOnlyList<string> eventIds, CancellationToken cancellationToken)
    {
        var lists = new Dictionary<string, List<AttemptRecord>>(StringComparer.Ordinal);
        if (eventIds.Count > 0)
        {
            var (condition, parameters) = EventIdIn(eventIds);
            await using var command = Command(connection, null, $"""
                SELECT event_id, handler, attempt, started_at, duration_us, outcome, error
                FROM payment_event_attempts WHERE {condition}
                ORDER BY event_id, started_at, handler, attempt
                """, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var eventId = reader.GetString(0);
                if (!lists.TryGetValue(eventId, out var list))
                {
                    lists[eventId] = list = [];
                }

                list.Add(new AttemptRecord(
                    eventId, reader.GetString(1), reader.GetInt32(2), ReadTime(reader, 3),
                    TimeSpan.FromTicks(reader.GetInt64(4) * 10),
                    reader.GetString(5) == "succeeded" ? AttemptOutcome.Succeeded : AttemptOutcome.Failed,
                    reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }

        return lists.ToDictionary(p => p.Key, p => (IReadOnlyList<AttemptRecord>)p.Value, StringComparer.Ordinal);
    }

    // Attempts = the latest attempt number: the count of runs, also for a migrated version-1 row that stands for several.
    private static List<HandlerAttempts> Summarize(IReadOnlyList<AttemptRecord> history) =>
    [
        .. history.GroupBy(a => a.Handler, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var last = g.MaxBy(a => a.Attempt)!;
                return new HandlerAttempts(g.Key, last.Attempt, g.Any(a => a.Outcome == AttemptOutcome.Succeeded), last.Error, last.StartedAt);
            }),
    ];

    // ---- operator actions --------------------------------------------------------------------------------------

    // Attempts and handler successes are deliberately left alone: a handler that succeeded never runs again, and
    // the counts stay true. An event in flight under a live lease is skipped; its worker finishes it.
    private static string ReplaySql(string filter) => $"""
        UPDATE payment_events
        SET status = 'received', next_attempt_at = @now, attempts_since_replay = 0,
            lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
        WHERE {filter} AND NOT (status = 'processing' AND lease_expires_at > @now)
        """;

    public Task<bool> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return WriteAsync("replay an event", async (connection, transaction) =>
        {
            await NonQueryAsync(connection, transaction, ReplaySql("id = @id"), ("id", id), ("now", Now()));
            return await ScalarAsync(connection, transaction, "SELECT 1 FROM payment_events WHERE id = @id", ("id", id)) is not null;
        }, cancellationToken);
    }

    public Task<int> ReplayManyAsync(EventStatus status, string? type, CancellationToken cancellationToken)
    {
        if (status == EventStatus.Processing)
        {
            return Task.FromResult(0);
        }

        var filter = type is null ? "status = @status" : "status = @status AND type = @type";
        return WriteAsync("replay events", (connection, transaction) => NonQueryAsync(connection, transaction, ReplaySql(filter),
            ("status", EventStatusText.ToText(status)), ("type", type), ("now", Now())), cancellationToken);
    }

    public Task<ResolveOutcome> ResolveAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return WriteAsync("resolve an event", async (connection, transaction) =>
        {
            var rows = await NonQueryAsync(connection, transaction,
                "UPDATE payment_events SET status = 'resolved', next_attempt_at = NULL, updated_at = @now WHERE id = @id AND status = 'dead'",
                ("id", id), ("now", Now()));
            if (rows == 1)
            {
                return ResolveOutcome.Resolved;
            }

            return await ScalarAsync(connection, transaction, "SELECT 1 FROM payment_events WHERE id = @id", ("id", id)) is null
                ? ResolveOutcome.NotFound
                : ResolveOutcome.NotDead;
        }, cancellationToken);
    }

    public Task<int> PurgeAsync(DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        // Attempts go with their event (ON DELETE CASCADE). Dead and unfinished events are never purged.
        return WriteAsync("purge old events", (connection, transaction) => NonQueryAsync(connection, transaction, """
            DELETE FROM payment_events WHERE seq IN (
                SELECT seq FROM payment_events
                WHERE status IN ('processed', 'ignored', 'resolved') AND received_at < @before
                ORDER BY seq LIMIT @max)
            """, ("before", ToDb(receivedBefore)), ("max", max)), cancellationToken);
    }

    public Task<InboxStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var asOf = ToMicroseconds(Time.GetUtcNow());
        var firstMinute = (asOf.ToUnixTimeSeconds() / 60) - 59;
        var since = ToDb(DateTimeOffset.FromUnixTimeSeconds(firstMinute * 60));
        return RunAsync("read statistics", async connection =>
        {
            var counts = Enum.GetValues<EventStatus>().ToDictionary(s => s, _ => 0L);
            await using (var command = Command(connection, null, "SELECT status, COUNT(*) FROM payment_events GROUP BY status"))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    counts[EventStatusText.Parse(reader.GetString(0))] = reader.GetInt64(1);
                }
            }

            var deliveries = await PerMinuteAsync(connection, $"""
                SELECT {MinuteOf("received_at")} AS minute, COUNT(*) FROM payment_events
                WHERE received_at >= @since GROUP BY minute
                """, since, firstMinute, cancellationToken);
            var failures = await PerMinuteAsync(connection, $"""
                SELECT {MinuteOf("started_at")} AS minute, COUNT(*) FROM payment_event_attempts
                WHERE started_at >= @since AND outcome = 'failed' GROUP BY minute
                """, since, firstMinute, cancellationToken);

            DateTimeOffset? oldest = null, newest = null;
            await using (var command = Command(connection, null, $"""
                SELECT (SELECT MIN(received_at) FROM payment_events WHERE status IN {Unfinished}),
                       (SELECT MAX(received_at) FROM payment_events)
                """))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                oldest = reader.IsDBNull(0) ? null : ReadTime(reader, 0);
                newest = reader.IsDBNull(1) ? null : ReadTime(reader, 1);
            }

            return new InboxStats(asOf, counts, deliveries, failures, asOf - oldest, newest);
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<MinuteCount>> PerMinuteAsync(
        DbConnection connection, string sql, object since, long firstMinute, CancellationToken cancellationToken)
    {
        var counts = new long[60];
        await using var command = Command(connection, null, sql, ("since", since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture) - firstMinute;
            if (index is >= 0 and < 60)
            {
                counts[index] += reader.GetInt64(1);
            }
        }

        return [.. counts.Select((n, i) => new MinuteCount(DateTimeOffset.FromUnixTimeSeconds((firstMinute + i) * 60), n))];
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    /// <summary>Opens a connection, runs <paramref name="work"/>, maps provider errors to <see cref="StorageUnavailableException"/>.</summary>
    protected Task<T> RunAsync<T>(string operation, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        RunOnAsync(operation, OpenAsync, owned: true, work, cancellationToken);

    /// <summary>
    /// <see cref="RunAsync{T}"/> on the connection <paramref name="open"/> gives, disposed afterwards only when
    /// <paramref name="owned"/> (SQLite keeps its one write connection open).
    /// </summary>
    protected async Task<T> RunOnAsync<T>(
        string operation, Func<CancellationToken, Task<DbConnection>> open, bool owned, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(work);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var connection = await open(cancellationToken);
            try
            {
                return await work(connection);
            }
            finally
            {
                if (owned)
                {
                    await connection.DisposeAsync();
                }
            }
        }
        catch (Exception e) when (IsDatabaseError(e) && !cancellationToken.IsCancellationRequested)
        {
            OnDatabaseError();
            // Not for the startup migration: StorageMigrationService reports that failure (or its retry) in one line.
            if (!string.Equals(operation, MigrateOperation, StringComparison.Ordinal))
            {
                Logger.StoreFailed(Engine, operation, e.Message);
            }

            throw new StorageUnavailableException($"The {DisplayName} event store could not {operation}: {e.Message}", e)
            {
                PermanentReason = PermanentReason(e),
            };
        }
    }

    /// <summary>
    /// <paramref name="work"/> in one write transaction, committed when it returns. Statements inside run without a
    /// token (a write is short and is not abandoned half-way); <paramref name="cancellationToken"/> is checked before.
    /// </summary>
    protected virtual Task<T> WriteAsync<T>(string operation, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        TrackWriteAsync(RunAsync(operation, connection => InTransactionAsync(connection, work), cancellationToken));

    /// <summary>The transaction of <see cref="WriteAsync{T}"/>: begun, <paramref name="work"/>, committed.</summary>
    protected async Task<T> InTransactionAsync<T>(DbConnection connection, Func<DbConnection, DbTransaction, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var transaction = await BeginWriteAsync(connection);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    /// <summary>The current time as a parameter value.</summary>
    protected object Now() => ToDb(Time.GetUtcNow());

    /// <summary>A command for <paramref name="sql"/> on <paramref name="connection"/> (SQLite reuses prepared ones).</summary>
    protected virtual DbCommand CreateCommand(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    protected DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = CreateCommand(connection, sql);
        command.Transaction = transaction;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    protected async Task<int> NonQueryAsync(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    protected async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync(CancellationToken.None);
    }

    /// <summary>"<c>event_id</c> is one of these" with one parameter per id (both engines take an IN list).</summary>
    private static (string Condition, (string Name, object? Value)[] Parameters) EventIdIn(IReadOnlyList<string> eventIds) =>
        ($"event_id IN ({string.Join(", ", eventIds.Select((_, i) => $"@e{i}"))})",
         [.. eventIds.Select((id, i) => ($"e{i}", (object?)id))]);

    private static (string Name, object? Value)[] FenceValues(EventLease lease) =>
        [("id", lease.EventId), ("owner", lease.Owner), ("token", lease.LeaseToken)];

    /// <summary>True when the fenced write changed the row; logs the lost lease otherwise.</summary>
    protected bool LeaseHeld(EventLease lease, int rows, string operation)
    {
        if (rows == 0)
        {
            Logger.LeaseLost(lease.EventId, lease.Owner, lease.LeaseToken, operation);
        }

        return rows == 1;
    }

    internal static string Truncate(string error) =>
        error.Length <= MaxErrorLength ? error : string.Concat(error.AsSpan(0, MaxErrorLength - 1), "…");

    /// <summary>PostgreSQL keeps microseconds; SQLite gets the same precision so both engines hand back identical times.</summary>
    protected static DateTimeOffset ToMicroseconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public async ValueTask DisposeAsync()
    {
        await _inserts.DisposeAsync();
        await _finishes.DisposeAsync();
        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    public void Dispose()
    {
        DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the engine's connections.</summary>
    protected abstract ValueTask DisposeCoreAsync();
}
