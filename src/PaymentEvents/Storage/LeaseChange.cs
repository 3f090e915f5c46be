namespace PaymentEvents.Storage;

/// <summary>
/// A fenced update of a leased event (renew, complete, fail): the arguments are checked when it is made, and
/// <see cref="EventQueries.ApplyAsync"/> changes the row only while the lease is still the caller's.
/// </summary>
internal sealed class LeaseChange
{
    private LeaseChange(EventLease lease, string operation, string assignments, params (string Name, object? Value)[] values)
    {
        Lease = lease;
        Operation = operation;
        Assignments = assignments;
        Values = values;
    }

    public EventLease Lease { get; }

    /// <summary>What the change does, for logs and errors ("could not {Operation}").</summary>
    public string Operation { get; }

    /// <summary>The SET list; <c>@now</c> is bound by <see cref="EventQueries.ApplyAsync"/>.</summary>
    public string Assignments { get; }

    public IReadOnlyList<(string Name, object? Value)> Values { get; }

    public static LeaseChange Renew(EventLease lease, TimeSpan leaseDuration, TimeProvider time, StoreDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return new(lease, "renew its lease", "lease_expires_at = @expires, updated_at = @now",
            ("expires", dialect.ToDb(time.GetUtcNow() + leaseDuration)));
    }

    public static LeaseChange Complete(EventLease lease, EventStatus status)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (status is not (EventStatus.Processed or EventStatus.Ignored))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "An event completes as processed or ignored.");
        }

        return new(lease, "complete it",
            "status = @status, lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = NULL, updated_at = @now",
            ("status", EventStatusText.ToText(status)));
    }

    public static LeaseChange Fail(EventLease lease, string errorMessage, DateTimeOffset? retryAt, StoreDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(errorMessage);
        return new(lease, "record its failure",
            "status = @status, last_error = @error, next_attempt_at = @retry, lease_owner = NULL, lease_expires_at = NULL, updated_at = @now",
            ("status", retryAt is null ? EventStatusText.Dead : EventStatusText.Failed),
            ("error", StorageText.Truncate(errorMessage)),
            ("retry", retryAt is { } at ? dialect.ToDb(at) : null));
    }
}
