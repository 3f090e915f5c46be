using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using PaymentEvents.Operations;
using PaymentEvents.Rejections;
using PaymentEvents.Storage;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Admin;

/// <summary>The admin API under <c>/api/events</c> (README.md, "HTTP"), behind <see cref="ApiKeyFilter"/>.</summary>
internal static class AdminEndpoints
{
    internal const int MaxLimit = 500;

    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/events")
            .WithTags("Admin")
            .AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithMetadata(new AdminApiKeyMetadata());

        group.MapGet("/", ListAsync)
            .WithName("ListEvents")
            .WithSummary("Lists stored events, newest first, filtered by type, status and object id.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{id}", GetAsync)
            .WithName("GetEvent")
            .WithSummary("Shows one stored event: status, per-handler attempts, last error and the payload.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id}/replay", ReplayOneAsync)
            .WithName("ReplayEvent")
            .WithSummary("Queues one event again (its handlers that already succeeded do not run again).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id}/resolve", ResolveAsync)
            .WithName("ResolveEvent")
            .WithSummary("Marks a dead event resolved without running it (409 when it is not dead).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/replay", ReplayManyAsync)
            .WithName("ReplayEvents")
            .WithSummary("Queues again every event with a status (default dead), optionally of one type.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        endpoints.MapGet("/api/stats", StatsAsync)
            .WithTags("Admin")
            .AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithMetadata(new AdminApiKeyMetadata())
            .WithName("GetStats")
            .WithSummary("Counts by status, deliveries and failures per minute over the last hour, oldest unprocessed age, signature failures by reason.");

        endpoints.MapGet("/api/rejections", (RejectionLog log) => TypedResults.Ok(new RejectionListResponse(log.Snapshot(), log.Capacity)))
            .WithTags("Admin")
            .AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithMetadata(new AdminApiKeyMetadata())
            .WithName("ListRejections")
            .WithSummary("The last deliveries the callback refused (400/401/413), newest first, with the reason; signature values hidden.");
        return group;
    }

    internal static async Task<Results<Ok<EventListResponse>, ProblemHttpResult>> ListAsync(
        IEventQueries store,
        [FromQuery] string? type,
        [FromQuery] string? status,
        [FromQuery(Name = "object_id")] string? objectId,
        [FromQuery] int? limit,
        [FromQuery] string? cursor,
        [FromQuery] string? livemode,
        [FromQuery(Name = "received_after")] string? receivedAfter,
        [FromQuery(Name = "received_before")] string? receivedBefore,
        [FromQuery] string? handler,
        [FromQuery] string? id,
        CancellationToken cancellationToken)
    {
        var filter = new EventListFilter(type, status, objectId, livemode, receivedAfter, receivedBefore, handler, id, cursor);
        var (query, error) = filter.ToQuery(limit ?? 50);
        if (error is not null)
        {
            return BadFilter(error);
        }

        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid limit",
                detail: $"limit must be between 1 and {MaxLimit}.");
        }

        EventPage page;
        try
        {
            page = await store.ListAsync(query!, cancellationToken);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid cursor", detail: "cursor is not one this API returned.");
        }

        return TypedResults.Ok(new EventListResponse([.. page.Items.Select(EventSummary.From)], page.NextCursor));
    }

    internal static async Task<Results<Ok<EventDetail>, ProblemHttpResult>> GetAsync(string id, HttpContext http, IEventQueries store, CancellationToken cancellationToken)
    {
        id = EventIdRoute.Decode(http, id, segmentsAfter: 0);
        var stored = await store.GetAsync(id, cancellationToken);
        return stored is null ? NotFound(id) : TypedResults.Ok(EventDetail.From(stored));
    }

    internal static async Task<Results<Accepted<ReplayResponse>, ProblemHttpResult>> ReplayOneAsync(
        string id,
        HttpContext http,
        EventActions actions,
        CancellationToken cancellationToken)
    {
        id = EventIdRoute.Decode(http, id, segmentsAfter: 1);
        return await actions.ReplayAsync(id, cancellationToken)
            ? TypedResults.Accepted((string?)null, new ReplayResponse(1))
            : NotFound(id);
    }

    internal static async Task<Results<Ok<ResolveResponse>, ProblemHttpResult>> ResolveAsync(string id, HttpContext http, EventActions actions, CancellationToken cancellationToken)
    {
        id = EventIdRoute.Decode(http, id, segmentsAfter: 1);
        var result = await actions.ResolveAsync(id, cancellationToken);
        return result.Outcome switch
        {
            ResolveOutcome.Resolved => TypedResults.Ok(new ResolveResponse(id, "resolved")),
            ResolveOutcome.NotFound => NotFound(id),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Event not dead",
                detail: $"Event '{id}' is {EventStatusText.ToText(result.Status ?? EventStatus.Resolved)}; only a dead event can be resolved."),
        };
    }

    internal static async Task<Ok<StatsResponse>> StatsAsync(
        IEventQueries store, SignatureFailureCounts signatures, RejectionLog rejections, CancellationToken cancellationToken) =>
        TypedResults.Ok(StatsResponse.From(await store.GetStatsAsync(cancellationToken), signatures.Snapshot(), rejections.Snapshot().Count));

    internal static async Task<Results<Accepted<ReplayResponse>, ProblemHttpResult>> ReplayManyAsync(
        EventActions actions,
        [FromQuery] string? status,
        [FromQuery] string? type,
        CancellationToken cancellationToken)
    {
        var statusText = string.IsNullOrEmpty(status) ? EventStatusText.Dead : status;
        if (!EventStatusText.TryParse(statusText, out var parsed))
        {
            return BadFilter(EventListFilter.InvalidStatus(statusText));
        }

        var count = await actions.ReplayManyAsync(parsed, string.IsNullOrEmpty(type) ? null : type, cancellationToken);
        return TypedResults.Accepted((string?)null, new ReplayResponse(count));
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Event not found",
        detail: $"No stored event has id '{id}'.");

    private static ProblemHttpResult BadFilter(EventFilterError error) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: $"Invalid {error.Name}",
        detail: error.Detail);
}

/// <summary>Marks admin endpoints so the OpenAPI document can attach the X-Api-Key requirement.</summary>
public sealed class AdminApiKeyMetadata;
