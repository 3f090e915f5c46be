namespace PaymentEvents.Storage;

internal abstract partial class EventStore : IEventLeases
{
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
        ("error", completion.Error is null ? null : StoredError.Truncate(completion.Error)),
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
        ("outcome", run.Succeeded ? "succeeded" : "failed"), ("error", run.Error is null ? null : StoredError.Truncate(run.Error)),
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
}
