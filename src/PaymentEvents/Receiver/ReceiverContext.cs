using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Receiver;

/// <summary>What the callback needs, resolved once: the verifier, options, the registered public path.</summary>
internal sealed class ReceiverContext
{
    public ReceiverContext(
        SignatureVerifier verifier,
        KeyRing keys,
        PaymentEventsMetrics metrics,
        IOptions<WebhookOptions> webhookOptions,
        IOptions<PaymentKitOptions> paymentKitOptions,
        TimeProvider timeProvider,
        HeavyBodyLane heavyLane,
        IOptions<Storage.StorageOptions> storageOptions,
        ILogger<ReceiverContext> logger)
    {
        StoreDeadline = storageOptions.Value.WriteTimeout;
        HeavyLane = heavyLane;
        Verifier = verifier;
        Metrics = metrics;
        Options = webhookOptions.Value;
        TimeProvider = timeProvider;
        Logger = logger;
        KeyNames = string.Join(", ", keys.Keys.Select(k => k.Name));
        var callbackUrl = paymentKitOptions.Value.CallbackUrl;
        CallbackPath = callbackUrl is { IsAbsoluteUri: true } ? callbackUrl.AbsolutePath : null;
    }

    public SignatureVerifier Verifier { get; }

    public PaymentEventsMetrics Metrics { get; }

    public WebhookOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>How long a delivery waits for its event to be stored before it is answered 503 (Storage:WriteTimeout).</summary>
    public TimeSpan StoreDeadline { get; }

    /// <summary>Where bodies of unusual shape are parsed and verified, a few at a time.</summary>
    public HeavyBodyLane HeavyLane { get; }

    public ILogger Logger { get; }

    /// <summary>Names of the trusted keys, for the 401 log line (never the keys themselves).</summary>
    public string KeyNames { get; }

    /// <summary>The path of <c>PaymentKit:CallbackUrl</c>: what the sender signs when a proxy strips a prefix.</summary>
    public string? CallbackPath { get; }
}
