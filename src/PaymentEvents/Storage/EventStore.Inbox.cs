namespace PaymentEvents.Storage;

internal abstract partial class EventStore : IInboxWriter
{
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
}
