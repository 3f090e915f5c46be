namespace PaymentEvents.Storage;

/// <summary>The schema and the liveness probe: migration at startup, the readiness check.</summary>
internal interface IStoreSchema
{
    /// <summary>Creates or migrates the schema; idempotent, safe for several replicas at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>True when the database answers a trivial query.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);
}
