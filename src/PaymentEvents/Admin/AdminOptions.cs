namespace PaymentEvents.Admin;

/// <summary>Configuration section <c>Admin</c> (docs/configuration.md). The admin API is off while <see cref="ApiKey"/> is unset.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Compared (in constant time) with the <c>X-Api-Key</c> header.</summary>
    public string? ApiKey { get; set; }

    /// <summary>True when the admin routes are mapped.</summary>
    public bool Enabled => !string.IsNullOrEmpty(ApiKey);
}
