namespace PaymentEvents.Protocol;

/// <summary>Verification policy (configuration section <c>Webhooks</c>).</summary>
public sealed class SignatureVerifierOptions
{
    /// <summary>Accept V0 (body-only, never expiring) signatures. Off by default.</summary>
    public bool AllowV0 { get; set; }

    /// <summary>The same switch under its configuration key, <c>Webhooks:AllowV0Signatures</c> (docs/configuration.md).</summary>
    public bool AllowV0Signatures
    {
        get => AllowV0;
        set => AllowV0 = value;
    }

    /// <summary>Leeway on <c>exp</c>. The SDK has none; default 30 s.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Refuse <c>exp - iat</c> windows longer than this (the SDK signs 300 s). Default 1 h.</summary>
    public TimeSpan MaxValidity { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How far a sender's <c>iat</c> may be ahead of our clock (a fast clock at Payment Kit); a signature issued further
    /// ahead is refused as not yet valid, so it cannot be stockpiled for later replay. The SDK has no such check. Default 5 min.
    /// </summary>
    public TimeSpan MaxClockAhead { get; set; } = TimeSpan.FromMinutes(5);
}
