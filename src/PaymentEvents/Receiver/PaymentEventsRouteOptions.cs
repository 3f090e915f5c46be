namespace PaymentEvents.Receiver;

/// <summary>
/// Where the operational routes live, so the library does not take over routes a host already has
/// (the callback is <c>Webhooks:Path</c>). An empty value leaves that route unmapped.
/// </summary>
public sealed class PaymentEventsRouteOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Routes";

    /// <summary>Liveness, default <c>/healthz</c>.</summary>
    public string Health { get; set; } = "/healthz";

    /// <summary>Readiness, default <c>/readyz</c>.</summary>
    public string Ready { get; set; } = "/readyz";

    /// <summary>Prometheus text, default <c>/metrics</c>.</summary>
    public string Metrics { get; set; } = "/metrics";
}
