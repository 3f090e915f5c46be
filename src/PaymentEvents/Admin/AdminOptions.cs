namespace PaymentEvents.Admin;

/// <summary>
/// Configuration section <c>Admin</c> (docs/configuration.md). The admin API is off while neither <see cref="ApiKey"/> nor
/// <see cref="ReadOnlyApiKey"/> is set.
/// </summary>
public sealed class AdminOptions
{
    /// <summary>Configuration section: <c>Admin</c>.</summary>
    public const string SectionName = "Admin";

    /// <summary>Compared (in constant time) with the <c>X-Api-Key</c> header; may read, replay and resolve.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Requests without a valid key one client IP may make per minute; after that it gets 429 until the minute is over,
    /// whatever key it sends. Default 10.
    /// </summary>
    public int AuthFailuresPerMinute { get; set; } = 10;

    /// <summary>A second key that can read (API and dashboard) but not replay or resolve.</summary>
    public string? ReadOnlyApiKey { get; set; }

    /// <summary>How many rejected deliveries (400/401/413) <c>GET /api/rejections</c> and the dashboard keep in memory.</summary>
    public int RejectionLogSize { get; set; } = 100;

    /// <summary>True when the admin routes are mapped.</summary>
    public bool Enabled => !string.IsNullOrEmpty(ApiKey) || !string.IsNullOrEmpty(ReadOnlyApiKey);
}
