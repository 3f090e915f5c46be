namespace PaymentEvents.Storage;

internal enum ResolveOutcome
{
    Resolved,
    NotFound,

    /// <summary>The event exists but is not dead (also: already resolved).</summary>
    NotDead,
}
