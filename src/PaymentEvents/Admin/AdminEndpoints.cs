using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using PaymentEvents.Dashboard;
using PaymentEvents.Processing;
using PaymentEvents.Rejections;
using PaymentEvents.Storage;

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
        bool? livemodeFilter = livemode switch
        {
            null or "" => null,
            "true" => true,
            "false" => false,
            _ => null,
        };
        if (!string.IsNullOrEmpty(livemode) && livemodeFilter is null)
        {
            return BadFilter("livemode", "true or false", livemode);
        }

        if (!TryTime(receivedAfter, out var after))
        {
            return BadFilter("received_after", "an ISO 8601 time such as 2026-03-01T12:00:00Z", receivedAfter!);
        }

        if (!TryTime(receivedBefore, out var before))
        {
            return BadFilter("received_before", "an ISO 8601 time such as 2026-03-01T12:00:00Z", receivedBefore!);
        }

        EventStatus? statusFilter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!EventStatusNames.TryParse(status, out var parsed))
            {
                return InvalidStatus(status);
            }

            statusFilter = parsed;
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
            page = await store.ListAsync(
                new EventQuery(NullIfEmpty(type), statusFilter, NullIfEmpty(objectId), limit ?? 50, NullIfEmpty(cursor))
                {
                    Livemode = livemodeFilter,
                    ReceivedAfter = after,
                    ReceivedBefore = before,
                    Handler = NullIfEmpty(handler),
                    IdPrefix = NullIfEmpty(id),
                },
                cancellationToken);
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
        IEventAdmin store,
        InboxSignal inbox,
        CancellationToken cancellationToken)
    {
        id = EventIdRoute.Decode(http, id, segmentsAfter: 1);
        if (!await store.ReplayAsync(id, cancellationToken))
        {
            return NotFound(id);
        }

        inbox.Notify();
        return TypedResults.Accepted((string?)null, new ReplayResponse(1));
    }

    internal static Task<Results<Ok<ResolveResponse>, ProblemHttpResult>> ResolveAsync(string id, HttpContext http, IEventAdmin store, IEventQueries queries, CancellationToken cancellationToken) =>
        ResolveDecodedAsync(EventIdRoute.Decode(http, id, segmentsAfter: 1), store, queries, cancellationToken);

    private static async Task<Results<Ok<ResolveResponse>, ProblemHttpResult>> ResolveDecodedAsync(string id, IEventAdmin store, IEventQueries queries, CancellationToken cancellationToken) =>
        await store.ResolveAsync(id, cancellationToken) switch
        {
            ResolveOutcome.Resolved => TypedResults.Ok(new ResolveResponse(id, "resolved")),
            ResolveOutcome.NotFound => NotFound(id),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Event not dead",
                detail: $"Event '{id}' is {EventStatusNames.ToName((await queries.GetAsync(id, cancellationToken))?.Status ?? EventStatus.Resolved)}; only a dead event can be resolved."),
        };

    internal static async Task<Ok<StatsResponse>> StatsAsync(
        IEventQueries store, SignatureFailureCounts signatures, RejectionLog rejections, CancellationToken cancellationToken) =>
        TypedResults.Ok(StatsResponse.From(await store.GetStatsAsync(cancellationToken), signatures.Snapshot(), rejections.Snapshot().Count));

    internal static async Task<Results<Accepted<ReplayResponse>, ProblemHttpResult>> ReplayManyAsync(
        IEventAdmin store,
        InboxSignal inbox,
        [FromQuery] string? status,
        [FromQuery] string? type,
        CancellationToken cancellationToken)
    {
        var statusText = string.IsNullOrEmpty(status) ? "dead" : status;
        if (!EventStatusNames.TryParse(statusText, out var parsed))
        {
            return InvalidStatus(statusText);
        }

        var count = await store.ReplayManyAsync(parsed, NullIfEmpty(type), cancellationToken);
        if (count > 0)
        {
            inbox.Notify();
        }

        return TypedResults.Accepted((string?)null, new ReplayResponse(count));
    }

    private static ProblemHttpResult InvalidStatus(string status) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid status",
        detail: $"status '{status}' is not one of: {EventStatusNames.Allowed}.");

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Event not found",
        detail: $"No stored event has id '{id}'.");

    private static ProblemHttpResult BadFilter(string name, string expected, string value) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: $"Invalid {name}",
        detail: $"{name} must be {expected}, got '{value}'.");

    private static bool TryTime(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>Marks admin endpoints so the OpenAPI document can attach the X-Api-Key requirement.</summary>
public sealed class AdminApiKeyMetadata;
