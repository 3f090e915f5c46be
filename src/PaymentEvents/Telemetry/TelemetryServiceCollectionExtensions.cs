using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PaymentEvents.Registration;

namespace PaymentEvents.Telemetry;

/// <summary>
/// OpenTelemetry for PaymentEvents: the <c>PaymentEvents</c> meter and activity source with ASP.NET Core,
/// HttpClient and runtime instrumentation; Prometheus text on <c>/metrics</c>; OTLP as well when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard <c>OTEL_*</c> variables configure it).
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The source of the receive, verify, store and process spans.</summary>
    public const string ActivitySourceName = "PaymentEvents";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>Records spans although no OTLP endpoint is set (the host adds its own trace exporter).</summary>
    public const string TracingKey = $"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.Tracing)}";

    /// <summary>Registers the metrics class, the inbox stats cache and the OpenTelemetry SDK.</summary>
    public static IServiceCollection AddPaymentEventsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddPaymentEventsMetrics();

        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("paymentevents"))
            .WithMetrics(metrics => metrics
                .AddMeter(PaymentEventsMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // No response cache: a scrape shows what happened before it (the inbox gauges cache their query).
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        // Spans only when something exports them (OTLP, or Telemetry:Tracing=true for an exporter the host adds):
        // profiled, recording the request, receive, verify and store spans for nobody cost ~12% of a delivery's CPU.
        // A value that is not a boolean fails the start as one line naming the key (ValidateOnStart binds it).
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateOnStart();
        if (otlp || (bool.TryParse(configuration[TracingKey], out var tracing) && tracing))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(ActivitySourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>The instruments alone (no SDK): what the receiver and the processor record into.</summary>
    internal static IServiceCollection AddPaymentEventsMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<RegistrationState>();
        services.TryAddSingleton<InboxStatsCache>();
        services.TryAddSingleton<PaymentEventsMetrics>();
        // Read by the admin API's stats and the dashboard's overview.
        services.TryAddSingleton<SignatureFailureCounts>();
        return services;
    }

    /// <summary>Prometheus text exposition of every meter above at <paramref name="path"/>.</summary>
    internal static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder endpoints, string path) =>
        endpoints.MapPrometheusScrapingEndpoint(path)
            .WithDisplayName("Metrics")
            .WithMetadata(new Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute());
}

/// <summary>Configuration section <c>Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    /// <summary>Configuration section: <c>Telemetry</c>.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>Record spans although <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is not set (for a trace exporter the host adds).</summary>
    public bool Tracing { get; set; }
}
