using System.Text;
using Microsoft.AspNetCore.Http;
using PaymentEvents.Operations;
using PaymentEvents.Storage;

namespace PaymentEvents.Dashboard;

/// <summary>
/// The events page's filters, as query parameters (<c>type, status, object_id, livemode, received_after,
/// received_before, id, cursor</c>) so a filtered view is a link; parsed into an <see cref="EventQuery"/>.
/// </summary>
public sealed record EventFilter(
    string? Type, string? Status, string? ObjectId, string? Livemode, string? ReceivedAfter, string? ReceivedBefore, string? Id, string? Cursor)
{
    /// <summary>Events per page of the events list.</summary>
    public const int PageSize = 50;

    /// <summary>The filter in a request's query string.</summary>
    public static EventFilter From(IQueryCollection query) => new(
        Value(query, "type"), Value(query, "status"), Value(query, "object_id"), Value(query, "livemode"),
        Value(query, "received_after"), Value(query, "received_before"), Value(query, "id"), Value(query, "cursor"));

    /// <summary>The store query, or the filter value that is not understood (the same parser as the admin API).</summary>
    internal (EventQuery? Query, EventFilterError? Error) ToQuery() =>
        new EventListFilter(Type, Status, ObjectId, Livemode, ReceivedAfter, ReceivedBefore, Id: Id, Cursor: Cursor).ToQuery(PageSize);

    /// <summary>True when the page shows the newest events, so new deliveries can be added live on top.</summary>
    public bool IsFirstPage => Cursor is null;

    /// <summary>This filter as a query string (leading '?', or empty), with another cursor.</summary>
    public string ToQueryString(string? cursor = null)
    {
        var text = new StringBuilder();
        Add(text, "type", Type);
        Add(text, "status", Status);
        Add(text, "object_id", ObjectId);
        Add(text, "livemode", Livemode);
        Add(text, "received_after", ReceivedAfter);
        Add(text, "received_before", ReceivedBefore);
        Add(text, "id", Id);
        Add(text, "cursor", cursor);
        return text.ToString();
    }

    private static void Add(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;
}
