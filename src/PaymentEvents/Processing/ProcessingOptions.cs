namespace PaymentEvents.Processing;

/// <summary>Configuration section <c>Processing</c>: how stored events are run through the handlers.</summary>
public sealed class ProcessingOptions
{
    /// <summary>Configuration section: <c>Processing</c>.</summary>
    public const string SectionName = "Processing";

    /// <summary>
    /// Run handlers on this instance (default). Off: the instance only receives and stores events, and
    /// other replicas on the same database run them (e.g. web-only replicas, or a maintenance window).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Events handled at the same time by this instance (1..256). Events of one object never overlap. Events that finish
    /// together share one commit of their outcomes, so more in flight means fewer commits per event (measured: draining
    /// a backlog on SQLite, 4 gave ~3,200 events/s, 16 ~6,300/s); lower it when handlers must not run that widely.
    /// </summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Tries per event before it is marked <c>dead</c> (1..100). Replay starts the count again.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Median wait before the first retry; later retries back off exponentially with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between two tries.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claimed event stays with this instance without renewal; renewed every third of it while handlers run.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the store is polled when nothing signals new work (other replicas' events, due retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Most events claimed in one query (1..1000), and most claimed ahead of free slots: they wait (leased) behind the
    /// running events of this instance, so one claim feeds several runs. Lower it when handlers are slow and replicas
    /// should share the work more evenly.
    /// </summary>
    public int BatchSize { get; set; } = 64;
}
