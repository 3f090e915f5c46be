namespace PaymentEvents.Registration;

/// <summary>Where webhook registration stands; names (lower case) are shown on <c>/readyz</c>.</summary>
public enum RegistrationStatus
{
    /// <summary>Not attempted yet, or the first attempt is running.</summary>
    Pending,

    /// <summary>Our endpoint exists at Payment Kit with the wanted settings.</summary>
    Registered,

    /// <summary>The last attempt failed; another follows at <see cref="RegistrationSnapshot.NextRetryAt"/>.</summary>
    Failed,

    /// <summary>Registration is off (no <c>PaymentKit:BaseUrl</c>, <c>PaymentKit:Register=false</c>, or nothing to subscribe).</summary>
    Disabled,
}

/// <summary>What the last successful registration did.</summary>
public enum RegistrationAction
{
    /// <summary>The endpoint did not exist and was created.</summary>
    Created,
    /// <summary>The endpoint existed with other settings and was updated.</summary>
    Updated,
    /// <summary>The endpoint was already as wanted.</summary>
    Unchanged,
}

/// <summary>An immutable view of <see cref="RegistrationState"/>.</summary>
public sealed record RegistrationSnapshot(
    RegistrationStatus Status,
    string? EndpointId = null,
    RegistrationAction? Action = null,
    string? Reason = null,
    DateTimeOffset? NextRetryAt = null,
    int Attempts = 0,
    DateTimeOffset? UpdatedAt = null)
{
    /// <summary>Lower-case status name for operators (<c>pending</c>, <c>registered</c>, <c>failed</c>, <c>disabled</c>).</summary>
    public string StatusName => Status.ToString().ToLowerInvariant();

    /// <summary>Lower-case action name (<c>created</c>, <c>updated</c>, <c>unchanged</c>) or null.</summary>
    public string? ActionName => Action?.ToString().ToLowerInvariant();
}

/// <summary>Singleton holding the current <see cref="RegistrationSnapshot"/>; written by the registration service, read by <c>/readyz</c>.</summary>
internal sealed class RegistrationState
{
    private RegistrationSnapshot current = new(RegistrationStatus.Pending);

    /// <summary>The latest snapshot (never null; replaced atomically).</summary>
    public RegistrationSnapshot Current => Volatile.Read(ref current);

    internal void Set(RegistrationSnapshot snapshot) => Volatile.Write(ref current, snapshot);
}
