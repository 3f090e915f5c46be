using System.Globalization;
using PaymentEvents.Storage;

namespace PaymentEvents.Operations;

/// <summary>
/// The list filters of <c>GET /api/events</c> and the dashboard's events page, as the text of their query parameters
/// (<c>type, status, object_id, livemode, received_after, received_before, handler, id, cursor</c>); empty is absent.
/// One parser, so the two read a filter the same way: times are ISO 8601, a time without an offset is UTC (what the
/// dashboard's datetime-local inputs send), and one with an offset is that instant.
/// </summary>
internal sealed record EventListFilter(
    string? Type = null,
    string? Status = null,
    string? ObjectId = null,
    string? Livemode = null,
    string? ReceivedAfter = null,
    string? ReceivedBefore = null,
    string? Handler = null,
    string? Id = null,
    string? Cursor = null)
{
    /// <summary>The store query for a page of <paramref name="limit"/>, or the filter that is not understood.</summary>
    public (EventQuery? Query, EventFilterError? Error) ToQuery(int limit)
    {
        EventStatus? status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (!EventStatusText.TryParse(Status, out var parsed))
            {
                return (null, InvalidStatus(Status));
            }

            status = parsed;
        }

        bool? livemode = Livemode switch
        {
            null or "" => null,
            "true" => true,
            "false" => false,
            _ => null,
        };
        if (!string.IsNullOrEmpty(Livemode) && livemode is null)
        {
            return (null, new EventFilterError("livemode", $"livemode must be true or false, got '{Livemode}'."));
        }

        if (!TryTime(ReceivedAfter, "received_after", out var after, out var error) || !TryTime(ReceivedBefore, "received_before", out var before, out error))
        {
            return (null, error);
        }

        return (new EventQuery(NullIfEmpty(Type), status, NullIfEmpty(ObjectId), limit, NullIfEmpty(Cursor))
        {
            Livemode = livemode,
            ReceivedAfter = after,
            ReceivedBefore = before,
            Handler = NullIfEmpty(Handler),
            IdPrefix = NullIfEmpty(Id),
        }, null);
    }

    /// <summary>The answer to a status name that is not one of <see cref="EventStatusText.Allowed"/>.</summary>
    public static EventFilterError InvalidStatus(string status) =>
        new("status", $"status must be one of {EventStatusText.Allowed}, got '{status}'.");

    private static bool TryTime(string? text, string name, out DateTimeOffset? time, out EventFilterError? error)
    {
        time = null;
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        error = new EventFilterError(name, $"{name} must be an ISO 8601 time such as 2026-03-01T12:00:00Z (UTC when it has no offset), got '{text}'.");
        return false;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>A filter that is not understood: the parameter's name and a one-line reason that quotes it.</summary>
internal sealed record EventFilterError(string Name, string Detail);
