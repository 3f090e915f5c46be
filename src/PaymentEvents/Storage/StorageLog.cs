using Microsoft.Extensions.Logging;

namespace PaymentEvents.Storage;

/// <summary>Source-generated log messages of the storage feature.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error,
        Message = "Event store ({Engine}) failed to {Operation}; callers get StorageUnavailableException (the receiver answers 503). Check that the database is reachable and has free space: {Reason}")]
    public static partial void StoreFailed(this ILogger logger, string engine, string operation, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Lease on event {PaymentEventId} held by {Owner} (token {LeaseToken}) was lost before {Operation}; nothing was changed. Another worker took it over after the lease expired, or it was replayed: renew leases more often than they expire.")]
    public static partial void LeaseLost(this ILogger logger, string paymentEventId, string owner, long leaseToken, string operation);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information,
        Message = "Event store schema ({Engine}) is at version {Version}.")]
    public static partial void SchemaReady(this ILogger logger, string engine, int version);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
        Message = "Event store ({Engine}) not reachable at startup (attempt {Attempt} of {MaxAttempts}); retrying in {Delay}: {Reason}")]
    public static partial void MigrateRetry(this ILogger logger, string engine, int attempt, int maxAttempts, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information,
        Message = "Retention purged {Count} processed/ignored/resolved events received before {Cutoff:o} (Storage:Retention).")]
    public static partial void Purged(this ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning,
        Message = "Retention purge stopped early; it runs again at its next interval.")]
    public static partial void PurgeFailed(this ILogger logger, Exception exception);
}
