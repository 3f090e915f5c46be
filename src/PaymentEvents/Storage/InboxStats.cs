namespace PaymentEvents.Storage;

/// <summary>
/// The dashboard overview, as of <see cref="AsOf"/>. <see cref="CountsByStatus"/> has every status as a key (0 when
/// none). <see cref="DeliveriesPerMinute"/>: events stored per minute (by received_at), 60 entries, oldest first, the
/// last the current minute; <see cref="FailuresPerMinute"/>: failed handler attempts per minute (by started_at), same
/// shape. <see cref="OldestUnprocessedAge"/>: age of the oldest received/processing/failed event (null when none).
/// <see cref="LastReceivedAt"/>: the newest received_at (null on an empty store).
/// </summary>
public sealed record InboxStats(
    DateTimeOffset AsOf,
    IReadOnlyDictionary<EventStatus, long> CountsByStatus,
    IReadOnlyList<MinuteCount> DeliveriesPerMinute,
    IReadOnlyList<MinuteCount> FailuresPerMinute,
    TimeSpan? OldestUnprocessedAge,
    DateTimeOffset? LastReceivedAt);

/// <summary>A count in one UTC minute; <see cref="Minute"/> is the minute's start.</summary>
public sealed record MinuteCount(DateTimeOffset Minute, long Count);
