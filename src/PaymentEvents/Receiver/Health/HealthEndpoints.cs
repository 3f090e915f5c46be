using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PaymentEvents.Registration;
using PaymentEvents.Storage;

namespace PaymentEvents.Receiver.Health;

/// <summary><c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> (INTERFACE.md).</summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan ReadyProbeTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Ok(new HealthResponse("ok")))
            .WithName("Healthz")
            .WithTags("Health")
            .WithSummary("Liveness: 200 while the process runs.")
            .Produces<HealthResponse>();

        endpoints.MapGet("/readyz", ReadyAsync)
            .WithName("Readyz")
            .WithTags("Health")
            .WithSummary("Readiness: 200 when storage answers, else 503; shows the registration state.")
            .Produces<ReadyResponse>()
            .Produces<ReadyResponse>(StatusCodes.Status503ServiceUnavailable);

        return endpoints;
    }

    internal static async Task<JsonHttpResult<ReadyResponse>> ReadyAsync(
        IEventStore store,
        RegistrationState registration,
        CancellationToken cancellationToken)
    {
        bool healthy;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ReadyProbeTimeout);
            healthy = await store.IsHealthyAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A probe that throws is a storage that is not ready, not a 500.
            healthy = false;
        }

        var body = new ReadyResponse(healthy ? "ready" : "not_ready", healthy ? "ok" : "unavailable", RegistrationView.From(registration.Current));
        return TypedResults.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record HealthResponse([property: JsonPropertyName("status")] string Status);

public sealed record ReadyResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("storage")] string Storage,
    [property: JsonPropertyName("registration")] RegistrationView Registration);

/// <summary>The registration state on /readyz (it never makes the service unready: Payment Kit may start later).</summary>
public sealed record RegistrationView(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("endpoint_id")] string? EndpointId,
    [property: JsonPropertyName("action")] string? Action,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("next_retry_at")] DateTimeOffset? NextRetryAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt)
{
    internal static RegistrationView From(RegistrationSnapshot s) =>
        new(s.StatusName, s.EndpointId, s.ActionName, s.Reason, s.Attempts, s.NextRetryAt, s.UpdatedAt);
}
