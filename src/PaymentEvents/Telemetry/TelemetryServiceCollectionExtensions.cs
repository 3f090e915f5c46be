using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PaymentEvents.Telemetry;

/// <summary>
/// OpenTelemetry for PaymentEvents: the <c>PaymentEvents</c> meter and activity source (<see cref="ApplicationTelemetry"/>)
/// with ASP.NET Core, HttpClient and runtime instrumentation; Prometheus text on <c>/metrics</c>; OTLP as well when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard <c>OTEL_*</c> variables configure it).
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>Records spans although no OTLP endpoint is set (the host adds its own trace exporter).</summary>
    public const string TracingKey = $"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.Tracing)}";

    /// <summary>Registers the OpenTelemetry SDK over the shared instruments (<c>AddPaymentEventsShared</c> registers those).</summary>
    public static IServiceCollection AddPaymentEventsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ApplicationTelemetry.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(ApplicationTelemetry.MeterName)
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
                .AddSource(ApplicationTelemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

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
