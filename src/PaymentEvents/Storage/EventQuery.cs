namespace PaymentEvents.Storage;

/// <summary>Filter and page for listing. <see cref="Cursor"/> is opaque (from a previous page).</summary>
internal sealed record EventQuery(string? Type = null, EventStatus? Status = null, string? ObjectId = null, int Limit = 50, string? Cursor = null)
{
    /// <summary>received_at at or after this.</summary>
    public DateTimeOffset? ReceivedAfter { get; init; }

    /// <summary>received_at strictly before this.</summary>
    public DateTimeOffset? ReceivedBefore { get; init; }

    public bool? Livemode { get; init; }

    /// <summary>Events with at least one attempt by this handler.</summary>
    public string? Handler { get; init; }

    /// <summary>Id search: the id starts with this (the whole id matches too).</summary>
    public string? IdPrefix { get; init; }
}

internal sealed record EventPage(IReadOnlyList<StoredEvent> Items, string? NextCursor);
