using Microsoft.Extensions.Logging;

namespace PaymentEvents.Storage;

/// <summary>Source-generated log messages of the storage feature.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error,
        Message = "Event store ({Engine}) failed to {Operation}; callers get StorageUnavailableException (the receiver answers 503). Check that the database is reachable and has free space.")]
    public static partial void StoreFailed(this ILogger logger, string engine, string operation, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Lease on event {PaymentEventId} held by {Owner} (token {LeaseToken}) was lost before {Operation}; nothing was changed. Another worker took it over after the lease expired, or it was replayed: renew leases more often than they expire.")]
    public static partial void LeaseLost(this ILogger logger, string paymentEventId, string owner, long leaseToken, string operation);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information,
        Message = "Event store schema ({Engine}) is at version {Version}.")]
    public static partial void SchemaReady(this ILogger logger, string engine, int version);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
        Message = "Event store ({Engine}) not reachable at startup (attempt {Attempt} of {MaxAttempts}); retrying in {Delay}: {Reason}")]
    public static partial void MigrateRetry(this ILogger logger, string engine, int attempt, int maxAttempts, TimeSpan delay, string reason);
}
