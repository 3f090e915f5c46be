using System.Diagnostics;
using System.Reflection;

namespace PaymentEvents.Telemetry;

/// <summary>
/// The one home of PaymentEvents' telemetry identity: the service name its resource carries, the meter and activity
/// source names an exporter subscribes to, and the activity source every span starts from (the receive, verify,
/// store and process spans). Static, as an <see cref="ActivitySource"/> is meant to be: created once, never disposed.
/// </summary>
internal static class ApplicationTelemetry
{
    /// <summary>The OpenTelemetry resource's <c>service.name</c>.</summary>
    public const string ServiceName = "paymentevents";

    /// <summary>The name of the activity source (what <c>AddSource</c> subscribes to).</summary>
    public const string ActivitySourceName = "PaymentEvents";

    /// <summary>The name of the meter every instrument is on (<see cref="PaymentEventsMetrics"/>).</summary>
    public const string MeterName = "PaymentEvents";

    /// <summary>The library's version, as the package says it (its informational version).</summary>
    public static readonly string ServiceVersion =
        typeof(ApplicationTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ApplicationTelemetry).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>The source of every PaymentEvents span.</summary>
    public static readonly ActivitySource ActivitySource = new(ActivitySourceName, ServiceVersion);
}
