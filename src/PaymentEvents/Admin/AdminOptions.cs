namespace PaymentEvents.Admin;

/// <summary>Configuration section <c>Admin</c> (docs/configuration.md). The admin API is off while <see cref="ApiKey"/> is unset.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Compared (in constant time) with the <c>X-Api-Key</c> header.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Requests without a valid key one client IP may make per minute; after that it gets 429 until the minute is over,
    /// whatever key it sends. Default 10.
    /// </summary>
    public int AuthFailuresPerMinute { get; set; } = 10;

    /// <summary>True when the admin routes are mapped.</summary>
    public bool Enabled => !string.IsNullOrEmpty(ApiKey);
}
