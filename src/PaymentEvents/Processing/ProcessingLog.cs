using Microsoft.Extensions.Logging;

namespace PaymentEvents.Processing;

/// <summary>Source-generated log messages of the dispatch pipeline (event ids 1200-1299).</summary>
internal static partial class ProcessingLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Processed payment event {PaymentEventId} ({EventType}): {HandlerCount} handler(s) ran in {DurationMs:0.0} ms")]
    public static partial void EventProcessed(ILogger logger, string paymentEventId, string eventType, int handlerCount, double durationMs);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Ignored payment event {PaymentEventId}: no handler for type {EventType}. Add an IPaymentEventHandler for it (with [PaymentEventType(\"{EventType}\")] if the type is undocumented) and replay the event to handle it")]
    public static partial void EventIgnored(ILogger logger, string paymentEventId, string eventType);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Handler {Handler} failed for payment event {PaymentEventId} ({EventType}) on attempt {Attempt}; next try at {NextAttemptAt:o}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string paymentEventId, string eventType, int attempt, DateTimeOffset? nextAttemptAt);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "Gave up on payment event {PaymentEventId} ({EventType}) after {Attempt} attempt(s), it is now dead: {LastError}. Fix the cause, then replay it (POST /api/events/{PaymentEventId}/replay)")]
    public static partial void EventDead(ILogger logger, string paymentEventId, string eventType, int attempt, string lastError);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Error, Message = "Payment event {PaymentEventId} ({EventType}) could not be read: {ParseError}. It is kept as dead; replay it after upgrading if a newer version can read it")]
    public static partial void EventUnreadable(ILogger logger, string paymentEventId, string eventType, string parseError);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Payment event {PaymentEventId} failed on attempt {Attempt} of {MaxAttempts}; retrying at {NextAttemptAt:o}: {Error}")]
    public static partial void EventRetryScheduled(ILogger logger, string paymentEventId, int attempt, int maxAttempts, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Lost the lease on payment event {PaymentEventId}: it expired and another instance took the event over, or it was replayed. Its outcome here is not recorded; the current lease holder runs it. If handlers run long or the database is slow, consider a longer Processing:LeaseDuration")]
    public static partial void LeaseLost(ILogger logger, string paymentEventId);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Information, Message = "Handling of payment event {PaymentEventId} was interrupted by shutdown; it will be picked up again when its lease expires")]
    public static partial void Interrupted(ILogger logger, string paymentEventId);

    /// <summary>One line per failed poll during an outage; the exception goes to <see cref="ClaimFailedDetails"/> at Debug.</summary>
    public static void ClaimFailed(ILogger logger, Exception exception, TimeSpan pollInterval)
    {
        ClaimFailedLine(logger, exception.Message, pollInterval);
        ClaimFailedDetails(logger, exception);
    }

    [LoggerMessage(EventId = 1208, Level = LogLevel.Error, Message = "Could not claim payment events from the store ({Reason}); retrying after {PollInterval}. Check the database (see /readyz)")]
    private static partial void ClaimFailedLine(ILogger logger, string reason, TimeSpan pollInterval);

    [LoggerMessage(EventId = 1219, Level = LogLevel.Debug, Message = "Claim failure details")]
    private static partial void ClaimFailedDetails(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Error, Message = "Could not record the outcome of payment event {PaymentEventId}; it will be retried when its lease expires. Check the database (see /readyz)")]
    public static partial void BookkeepingFailed(ILogger logger, Exception exception, string paymentEventId);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "Payment event processor {Owner} started: up to {MaxConcurrency} events at a time, {MaxAttempts} attempts each")]
    public static partial void ProcessorStarted(ILogger logger, string owner, int maxConcurrency, int maxAttempts);

    [LoggerMessage(EventId = 1214, Level = LogLevel.Warning, Message = "Payment event processing is off on this instance (Processing:Enabled=false): events are stored and acknowledged, and run only by an instance with processing on")]
    public static partial void ProcessorDisabled(ILogger logger);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Information, Message = "Payment event processor {Owner} stopping: no new events are claimed; waiting for {Running} running event(s) to finish")]
    public static partial void ProcessorStopping(ILogger logger, string owner, int running);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Error, Message = "Event bus subscriber {Subscriber} failed for payment event {PaymentEventId} ({EventType}); other subscribers and handlers are not affected and the event is not retried for it")]
    public static partial void SubscriberFailed(ILogger logger, Exception exception, string subscriber, string paymentEventId, string eventType);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Information, Message = "Published payment event {PaymentEventId} ({EventType}) in-process: {Outcome}")]
    public static partial void Published(ILogger logger, string paymentEventId, string eventType, string outcome);

    [LoggerMessage(EventId = 1215, Level = LogLevel.Information,
        Message = "Took back {Count} event(s) leased by {Owner}, an earlier process of this instance that is gone; they run now instead of after their lease expires.")]
    public static partial void PredecessorLeasesReleased(ILogger logger, int count, string owner);

    [LoggerMessage(EventId = 1216, Level = LogLevel.Information,
        Message = "Handed back {Waiting} claimed event(s) that had not started at shutdown ({Released} lease(s) released); another instance or the next start runs them now")]
    public static partial void ClaimedReleased(ILogger logger, int released, int waiting);

    [LoggerMessage(EventId = 1217, Level = LogLevel.Warning,
        Message = "Could not hand back {Waiting} claimed event(s) at shutdown; they run once their lease expires (Processing:LeaseDuration)")]
    public static partial void ClaimedNotReleased(ILogger logger, Exception exception, int waiting);

    [LoggerMessage(EventId = 1218, Level = LogLevel.Information,
        Message = "The store answers again: released {Count} lease(s) a claim may have taken while its answer was lost; those events run now instead of after Processing:LeaseDuration")]
    public static partial void OrphanLeasesReleased(ILogger logger, int count);
}
