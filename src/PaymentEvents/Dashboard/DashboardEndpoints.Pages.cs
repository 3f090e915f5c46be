using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using PaymentEvents.Dashboard.Pages;
using PaymentEvents.Operations;
using PaymentEvents.Registration;
using PaymentEvents.Rejections;
using PaymentEvents.Storage;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Dashboard;

/// <summary>The pages (<c>/</c>, <c>/events</c>, <c>/events/{id}</c>, <c>/dead</c>, <c>/rejections</c>) and the actions they post to.</summary>
internal static partial class DashboardEndpoints
{
    /// <summary>The dead-letters page lists at most this many (replay by type covers every one).</summary>
    internal const int DeadPageSize = 200;

    private static void MapPages(RouteGroupBuilder read, RouteGroupBuilder write)
    {
        read.MapGet("/", OverviewAsync);
        read.MapGet("/events", EventsAsync);
        read.MapGet("/events/{id}", EventAsync);
        read.MapGet("/dead", DeadAsync);
        read.MapGet("/rejections", (HttpContext http, RejectionLog log) =>
            Page<RejectionsPage>(http, "rejections", new() { ["Items"] = log.Snapshot(), ["Capacity"] = log.Capacity }));

        write.MapPost("/events/{id}/replay", ReplayAsync);
        write.MapPost("/events/{id}/resolve", ResolveAsync);
        write.MapPost("/dead/replay", ReplayDeadAsync);
    }

    private static async Task<IResult> OverviewAsync(
        HttpContext http, IEventQueries store, SignatureFailureCounts signatures, RejectionLog rejections,
        RegistrationState registration, HandledEventsProvider handled, CancellationToken cancellationToken) =>
        Page<OverviewPage>(http, "overview", new()
        {
            ["Stats"] = await store.GetStatsAsync(cancellationToken),
            ["SignatureFailures"] = signatures.Snapshot(),
            ["Rejections"] = rejections.Snapshot().Count,
            ["Registration"] = registration.Current,
            ["Handled"] = handled(),
        });

    private static async Task<IResult> EventsAsync(HttpContext http, IEventQueries store, CancellationToken cancellationToken)
    {
        var filter = EventFilter.From(http.Request.Query);
        var (query, problem) = filter.ToQuery();
        var error = problem?.Detail;
        EventPage? page = null;
        if (query is not null)
        {
            try
            {
                page = await store.ListAsync(query, cancellationToken);
            }
            catch (ArgumentException)
            {
                error = "That page link is not valid any more (cursor not recognised); start from the newest events.";
            }
        }

        return Page<EventsPage>(http, "events", new()
        {
            ["Filter"] = filter,
            ["Items"] = page?.Items ?? [],
            ["NextCursor"] = page?.NextCursor,
            ["Error"] = error,
        }, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> EventAsync(string id, string? done, HttpContext http, IEventQueries store, CancellationToken cancellationToken)
    {
        id = EventIdRoute.Decode(http, id, segmentsAfter: 0);
        var stored = await store.GetAsync(id, cancellationToken);
        if (stored is null)
        {
            return NotFound(http, id);
        }

        return Page<EventDetailPage>(http, "events", new()
        {
            ["Event"] = stored,
            ["Notice"] = done switch
            {
                "replayed" => "Queued again: handlers that have not succeeded yet run once more.",
                "resolved" => "Marked resolved: it will not run again unless replayed.",
                _ => null,
            },
        });
    }

    private static async Task<IResult> DeadAsync(string? replayed, string? resolved, HttpContext http, IEventQueries store, CancellationToken cancellationToken)
    {
        var page = await store.ListAsync(new EventQuery(Status: EventStatus.Dead, Limit: DeadPageSize), cancellationToken);
        var notice = replayed is not null ? $"Queued again: {replayed} event(s)."
            : resolved is not null ? $"Marked resolved: {resolved}."
            : null;
        return Page<DeadPage>(http, "dead", new() { ["Items"] = page.Items, ["Truncated"] = page.NextCursor is not null, ["Notice"] = notice });
    }

    private static async Task<IResult> ReplayAsync(string id, HttpContext http, EventActions actions, CancellationToken cancellationToken)
    {
        id = EventIdRoute.Decode(http, id, segmentsAfter: 1);
        if (await RefuseForgedAsync(http) is { } forged)
        {
            return forged;
        }

        if (!await actions.ReplayAsync(id, cancellationToken))
        {
            return NotFound(http, id);
        }

        return TypedResults.Redirect($"{View(http, "").EventUrl(id)}?done=replayed");
    }

    private static async Task<IResult> ResolveAsync(string id, HttpContext http, EventActions actions, CancellationToken cancellationToken)
    {
        id = EventIdRoute.Decode(http, id, segmentsAfter: 1);
        if (await RefuseForgedAsync(http) is { } forged)
        {
            return forged;
        }

        var view = View(http, "");
        switch ((await actions.ResolveAsync(id, cancellationToken)).Outcome)
        {
            case ResolveOutcome.NotFound:
                return NotFound(http, id);
            case ResolveOutcome.NotDead:
                return Page<MessagePage>(http, "", new()
                {
                    ["Title"] = "Not dead",
                    ["Message"] = $"Event {id} is not dead (any more), so there is nothing to resolve.",
                }, StatusCodes.Status409Conflict);
            default:
                var back = (await http.Request.ReadFormAsync(cancellationToken))["back"].ToString();
                return TypedResults.Redirect(back == "dead" ? $"{view.Base}/dead?resolved={Uri.EscapeDataString(id)}" : $"{view.EventUrl(id)}?done=resolved");
        }
    }

    private static async Task<IResult> ReplayDeadAsync(HttpContext http, EventActions actions, CancellationToken cancellationToken)
    {
        if (await RefuseForgedAsync(http) is { } forged)
        {
            return forged;
        }

        var type = (await http.Request.ReadFormAsync(cancellationToken))["type"].ToString();
        var count = await actions.ReplayManyAsync(EventStatus.Dead, type.Length == 0 ? null : type, cancellationToken);
        return TypedResults.Redirect($"{View(http, "").Base}/dead?replayed={count.ToString(CultureInfo.InvariantCulture)}");
    }

    private static RazorComponentResult NotFound(HttpContext http, string id) => Page<MessagePage>(http, "", new()
    {
        ["Title"] = "Event not found",
        ["Message"] = $"No stored event has id '{id}'.",
    }, StatusCodes.Status404NotFound);
}
