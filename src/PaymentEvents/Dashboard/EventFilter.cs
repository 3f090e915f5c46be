using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using PaymentEvents.Admin;
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

    /// <summary>The store query, or the one-line reason a filter value is not understood.</summary>
    internal (EventQuery? Query, string? Error) ToQuery()
    {
        EventStatus? status = null;
        if (Status is not null)
        {
            if (!EventStatusNames.TryParse(Status, out var parsed))
            {
                return (null, $"status must be one of {EventStatusNames.Allowed}, got '{Status}'.");
            }

            status = parsed;
        }

        bool? livemode = Livemode switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => null,
        };
        if (Livemode is not null && livemode is null)
        {
            return (null, $"livemode must be true or false, got '{Livemode}'.");
        }

        if (!TryTime(ReceivedAfter, "received_after", out var after, out var error) || !TryTime(ReceivedBefore, "received_before", out var before, out error))
        {
            return (null, error);
        }

        return (new EventQuery(Type, status, ObjectId, PageSize, Cursor)
        {
            Livemode = livemode,
            ReceivedAfter = after,
            ReceivedBefore = before,
            IdPrefix = Id,
        }, null);
    }

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

    private static bool TryTime(string? text, string name, out DateTimeOffset? time, out string? error)
    {
        time = null;
        error = null;
        if (text is null)
        {
            return true;
        }

        // datetime-local inputs send "2026-03-01T12:00" (read as UTC, like every time on the dashboard).
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        error = $"{name} must be a time like 2026-03-01T12:00 (UTC), got '{text}'.";
        return false;
    }

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;
}
