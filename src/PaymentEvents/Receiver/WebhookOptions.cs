using System.ComponentModel.DataAnnotations;

namespace PaymentEvents.Receiver;

/// <summary>Configuration section <c>Webhooks</c> (docs/configuration.md).</summary>
public sealed class WebhookOptions
{
    /// <summary>Configuration section: <c>Webhooks</c>.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>Callback route.</summary>
    [Required]
    public string Path { get; set; } = "/api/payment/callback";

    /// <summary>Largest body accepted (413 above it).</summary>
    [Range(1, 64 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Longest a whole body may take to arrive; later is a 408 and nothing is stored. Kestrel's minimum data rate alone
    /// lets a sender trickling just above it hold a 1 MiB read for over an hour. Default 30 s.
    /// </summary>
    public TimeSpan BodyReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Leeway on the signature's <c>exp</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Refuse signatures whose <c>exp - iat</c> window is longer than this (the SDK signs 300 s). Default 1 h.</summary>
    public TimeSpan MaxValidity { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How far ahead of our clock a signature's <c>iat</c> may be (the sender's clock running fast). Further ahead is a
    /// 401 (not_yet_valid): a signature is usable only while now is in [iat - MaxClockAhead, exp + ClockSkew]. Default 5 min.
    /// </summary>
    public TimeSpan MaxClockAhead { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Accept V0 (body-only) signatures; they never expire, so only dedup protects against replay.</summary>
    public bool AllowV0Signatures { get; set; }
}
