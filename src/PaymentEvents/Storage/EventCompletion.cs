namespace PaymentEvents.Storage;

/// <summary>
/// How a leased event ended: <see cref="EventStatus.Processed"/> or <see cref="EventStatus.Ignored"/>,
/// <see cref="EventStatus.Failed"/> (retry at <see cref="RetryAt"/>) or <see cref="EventStatus.Dead"/>, with the
/// handler runs of this attempt.
/// </summary>
internal sealed record EventCompletion(EventLease Lease, EventStatus Status, IReadOnlyList<HandlerRun> Runs, string? Error = null, DateTimeOffset? RetryAt = null)
{
    public static EventCompletion Processed(EventLease lease, IReadOnlyList<HandlerRun> runs) => new(lease, EventStatus.Processed, runs);

    public static EventCompletion Ignored(EventLease lease) => new(lease, EventStatus.Ignored, []);

    /// <summary>Failed until <paramref name="retryAt"/>, or dead when it is null.</summary>
    public static EventCompletion Failed(EventLease lease, IReadOnlyList<HandlerRun> runs, string error, DateTimeOffset? retryAt) =>
        new(lease, retryAt is null ? EventStatus.Dead : EventStatus.Failed, runs, error, retryAt);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Lease);
        ArgumentNullException.ThrowIfNull(Runs);
        switch (Status)
        {
            case EventStatus.Processed or EventStatus.Ignored:
                return;
            case EventStatus.Failed when RetryAt is not null && Error is not null:
                return;
            case EventStatus.Dead when RetryAt is null && Error is not null:
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(Status), Status,
                    "An event finishes as processed or ignored, failed with an error and a retry time, or dead with an error.");
        }
    }
}

/// <summary>One handler run the processor reports with the event's outcome.</summary>
internal sealed record HandlerRun(string Handler, DateTimeOffset StartedAt, TimeSpan Duration, bool Succeeded, string? Error);
