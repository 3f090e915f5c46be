using Microsoft.Extensions.Logging;

namespace PaymentEvents.Receiver;

/// <summary>Source-generated logs of the callback path (hot: one per delivery at most).</summary>
internal static partial class ReceiverLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Rejected delivery {PaymentEventId} ({EventType}): signature verification failed with {Status}: {Reason}. "
            + "Keys tried: {Keys}. If genuine deliveries fail, check PaymentKit:AppPk/TrustedKeys, the public path "
            + "(PaymentKit:CallbackUrl, or X-Forwarded-Prefix from a proxy in ForwardedHeaders:KnownProxies/KnownNetworks) and the clock (Webhooks:ClockSkew).")]
    public static partial void SignatureRejected(ILogger logger, string paymentEventId, string eventType, string status, string reason, string keys);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Rejected delivery with 400: {Reason}")]
    public static partial void BadRequest(ILogger logger, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "Rejected delivery with 413: body larger than Webhooks:MaxBodyBytes ({MaxBodyBytes} bytes); raise it if Payment Kit sends events this large.")]
    public static partial void TooLarge(ILogger logger, long maxBodyBytes);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error,
        Message = "Could not store delivery {PaymentEventId} ({EventType}): {Reason}; answered 503 so Payment Kit retries. Check the database (Storage:Provider, ConnectionStrings:PaymentEvents, Storage:DataDir).")]
    public static partial void StoreUnavailable(ILogger logger, string paymentEventId, string eventType, string reason);

    /// <summary>The exception behind <see cref="StoreUnavailable"/>, at Debug only: during an outage every refusal is one line, not a stack trace.</summary>
    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug,
        Message = "Details of the store failure for delivery {PaymentEventId}")]
    public static partial void StoreUnavailableDetails(ILogger logger, Exception exception, string paymentEventId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug,
        Message = "Stored delivery {PaymentEventId} ({EventType}), duplicate: {Duplicate}, signature {Version} by {Key} over {Path}")]
    public static partial void Accepted(ILogger logger, string paymentEventId, string eventType, bool duplicate, PaymentEvents.Protocol.SignatureVersion? version, string? key, string? path);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning,
        Message = "Delivery body not read, answered {StatusCode}: {Reason} (client {RemoteIp}). Kestrel's limits (Kestrel:Limits) apply before Webhooks:*.")]
    public static partial void BodyNotRead(ILogger logger, int statusCode, string reason, string? remoteIp);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information,
        Message = "Webhook receiver listening on {Path} with {KeyCount} trusted key(s): {Keys}; V0 signatures {V0}.")]
    public static partial void Started(ILogger logger, string path, int keyCount, string keys, string v0);

    [LoggerMessage(EventId = 1050, Level = LogLevel.Information,
        Message = "Development: send a test event with: paymentevents trigger checkout.session.completed --data-dir {DataDir} --url {CallbackUrl}")]
    public static partial void TriggerHint(ILogger logger, string dataDir, string callbackUrl);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning,
        Message = "Delivery of unusual shape (deep or with many members) answered 503: the lane that verifies such bodies is full (client {RemoteIp}); the sender retries.")]
    public static partial void HeavyLaneFull(ILogger logger, string? remoteIp);
}
