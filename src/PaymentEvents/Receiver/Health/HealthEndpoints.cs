using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PaymentEvents.Receiver.Health;

/// <summary>
/// ASP.NET Core health checks: <c>/healthz</c> liveness (no checks: 200 while the process serves) and
/// <c>/readyz</c> readiness, every check tagged <see cref="ReadyTag"/> (the store, registration, and any the host
/// adds with <c>AddHealthChecks().AddCheck&lt;T&gt;("name", tags: ["ready"])</c>) with its data in a JSON body.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Tag of the checks <c>/readyz</c> runs.</summary>
    public const string ReadyTag = "ready";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Registers the store and registration checks for readiness.</summary>
    internal static IServiceCollection AddPaymentEventsHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            // Its deadline is its own (Storage:WriteTimeout): see StorageHealthCheck.
            .AddCheck<StorageHealthCheck>("storage", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<RegistrationHealthCheck>("registration", HealthStatus.Degraded, [ReadyTag], ProbeTimeout);
        return services;
    }

    /// <summary>Liveness: runs no check and shows nothing but the status, so it is safe on a public port.</summary>
    internal static void MapLiveness(this IEndpointRouteBuilder endpoints, string livePath) =>
        endpoints.MapHealthChecks(livePath, new HealthCheckOptions { Predicate = _ => false })
            .WithDisplayName("Liveness");

    /// <summary>Readiness with every check's description and data: for operators (MapPaymentEventsManagement).</summary>
    internal static void MapReadiness(this IEndpointRouteBuilder endpoints, string readyPath) =>
        endpoints.MapHealthChecks(readyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteJsonAsync,
        }).WithDisplayName("Readiness");

    /// <summary><c>{"status":"healthy","checks":{"storage":{"status":"healthy","description":...,"data":{"engine":"sqlite"}}}}</c></summary>
    internal static Task WriteJsonAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var options = new JsonWriterOptions { Indented = false };
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteString("status", Name(report.Status));
            json.WriteNumber("duration_ms", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", Name(entry.Status));
                json.WriteString("description", entry.Description);
                json.WriteNumber("duration_ms", Math.Round(entry.Duration.TotalMilliseconds, 1));
                json.WriteStartObject("data");
                foreach (var (key, value) in entry.Data)
                {
                    json.WritePropertyName(key);
                    JsonSerializer.Serialize(json, value, value?.GetType() ?? typeof(object));
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return http.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}
