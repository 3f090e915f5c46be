using System.Text;

namespace PaymentEvents.Storage;

/// <summary>
/// An <see cref="EventQuery"/> made ready for SQL: limit clamped, cursor decoded. <see cref="From"/> throws for a
/// foreign cursor before any database work, so the caller gets an <see cref="ArgumentException"/>, not a storage error.
/// </summary>
internal sealed record EventListRequest(EventQuery Query, int Limit, long? After)
{
    public static EventListRequest From(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(query, EventCursor.ClampLimit(query.Limit), EventCursor.Decode(query.Cursor));
    }

    /// <summary>Newest first; one row more than <see cref="Limit"/> tells whether another page follows.</summary>
    public (string Sql, (string Name, object? Value)[] Parameters) ToSql()
    {
        var sql = new StringBuilder($"SELECT {EventSql.EventColumns} FROM payment_events WHERE 1 = 1");
        var parameters = new List<(string, object?)> { ("limit", Limit + 1) };
        if (Query.Type is not null)
        {
            sql.Append(" AND type = @type");
            parameters.Add(("type", Query.Type));
        }

        if (Query.Status is { } status)
        {
            sql.Append(" AND status = @status");
            parameters.Add(("status", EventStatusText.ToText(status)));
        }

        if (Query.ObjectId is not null)
        {
            sql.Append(" AND object_id = @object_id");
            parameters.Add(("object_id", Query.ObjectId));
        }

        if (After is not null)
        {
            sql.Append(" AND seq < @after");
            parameters.Add(("after", After));
        }

        sql.Append(" ORDER BY seq DESC LIMIT @limit");
        return (sql.ToString(), [.. parameters]);
    }
}
