namespace PaymentEvents.Dashboard;

/// <summary>
/// Configuration section <c>Dashboard</c> (docs/configuration.md). The dashboard is on when an admin key
/// (<c>Admin:ApiKey</c> or <c>Admin:ReadOnlyApiKey</c>) or <see cref="AuthorizationPolicy"/> is set.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>Configuration section: <c>Dashboard</c>.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>Where the dashboard is mapped, below the request's path base (a proxy prefix stays in front of it).</summary>
    public string Path { get; set; } = "/dashboard";

    /// <summary>
    /// Name of a policy the host registered with <c>AddAuthorization</c> (its SSO, say). When set it guards every
    /// dashboard page and action instead of the key sign-in: whoever passes it may also replay and resolve.
    /// </summary>
    public string? AuthorizationPolicy { get; set; }
}
