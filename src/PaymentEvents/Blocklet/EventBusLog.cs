using Microsoft.Extensions.Logging;

namespace PaymentEvents.Blocklet;

internal static partial class EventBusLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Event bus connector disabled ({Why}).")]
    public static partial void Disabled(ILogger logger, string why);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Event bus: connecting to {Url} (attempt {Attempt}).")]
    public static partial void Connecting(ILogger logger, string url, int attempt);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Event bus: joined {Topic}; accepting events from {TrustedSources}.")]
    public static partial void Joined(ILogger logger, string topic, string trustedSources);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Event bus: join of {Topic} refused: {Reason}. Check EventBus:AccessSk (BLOCKLET_APP_ASK) and EventBus:AppPid (BLOCKLET_APP_PID).")]
    public static partial void JoinRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Event bus: connection lost ({Reason}); reconnecting in {Delay} (attempt {Attempt}). Events published meanwhile are missed by the bus; webhooks still deliver them.")]
    public static partial void ConnectionLost(ILogger logger, string reason, TimeSpan delay, int attempt);

    /// <summary>The exception behind <see cref="ConnectionLost"/>, at Debug only: a reconnect is one warning line, not a stack trace.</summary>
    [LoggerMessage(EventId = 6014, Level = LogLevel.Debug, Message = "Event bus: details of the connection loss")]
    public static partial void ConnectionLostDetails(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "Event bus: no heartbeat reply within {Interval}; the socket is dead, replacing it.")]
    public static partial void HeartbeatTimeout(ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Debug, Message = "Event bus: event {EventId} ({EventType}) from {Source} {Outcome}.")]
    public static partial void EventAccepted(ILogger logger, string eventId, string eventType, string source, string outcome);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Event bus: rejected event {EventId} ({EventType}) from source {Source}: {Reason}. Trusted sources (EventBus:TrustedSources): {TrustedSources}.")]
    public static partial void EventRejected(ILogger logger, string eventId, string eventType, string source, string reason, string trustedSources);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Debug, Message = "Event bus: skipped event {EventId} ({EventType}) published by this component.")]
    public static partial void OwnEvent(ILogger logger, string eventId, string eventType);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Warning, Message = "Event bus: could not store event {EventId} ({EventType}), try {Attempt}: {Reason}; retrying in {Delay}.")]
    public static partial void StoreRetry(ILogger logger, string eventId, string eventType, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Error, Message = "Event bus: gave up storing event {EventId} ({EventType}) after {Attempts} tries ({Reason}); the bus keeps nothing, so only a webhook delivery can bring it back.")]
    public static partial void EventLost(ILogger logger, string eventId, string eventType, int attempts, string reason);

    [LoggerMessage(EventId = 6015, Level = LogLevel.Debug, Message = "Event bus: details of the store failure for event {EventId}")]
    public static partial void StoreFailureDetails(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Event bus: EventBus:TrustedSources is empty and the app's component list names no Payment Kit ({PaymentKitDid}): every event will be rejected. Set EventBus:TrustedSources to the publishing component's DID.")]
    public static partial void NoTrustedSources(ILogger logger, string paymentKitDid);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Information, Message = "Event bus connector stopped.")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Warning, Message = "Event bus: ignored a frame that is not a phoenix message ({Reason}).")]
    public static partial void BadFrame(ILogger logger, string reason);
}
