using System.Globalization;

namespace PaymentEvents.Storage;

internal abstract partial class EventStore : IStoreSchema
{
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

    /// <summary>Why writes are failing (the latest failed write's error), or null when none failed within the hold.</summary>
    internal string? WriteFailureReason => Volatile.Read(ref _writeFailure)?.Reason;

    /// <summary>
    /// Records how a write ended (readiness reads this): a failure at once; a commit clears a failure only once it is
    /// <see cref="WriteFailureHold"/> old. On a nearly full disk a small write (a completion) can commit between two
    /// refused inserts, and readiness must not flap to healthy in between; the hold is the same one readiness keeps.
    /// </summary>
    protected void RecordWrite(StorageUnavailableException? failure)
    {
        if (failure is not null)
        {
            Volatile.Write(ref _writeFailure, new WriteFailure(Time.GetTimestamp(), failure.Message));
        }
        else if (Volatile.Read(ref _writeFailure) is { } recorded && Time.GetElapsedTime(recorded.At) >= WriteFailureHold)
        {
            // Only that failure: a newer one recorded meanwhile stays.
            Interlocked.CompareExchange(ref _writeFailure, null, recorded);
        }
    }

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
}
