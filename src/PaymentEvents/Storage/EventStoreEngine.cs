namespace PaymentEvents.Storage;

/// <summary>
/// A storage engine, registered by its package (<c>services.AddSqliteEventStore()</c> from PaymentEvents.Sqlite,
/// <c>services.AddPostgresEventStore()</c> from PaymentEvents.PostgreSql); <c>AddEventStorage</c> creates the
/// store of the one <c>Storage:Provider</c> names.
/// </summary>
/// <param name="provider">The <c>Storage:Provider</c> value it serves (compared case-insensitively).</param>
/// <param name="create">Creates the store from the validated options (once: the store is a singleton).</param>
internal sealed class EventStoreEngine(string provider, Func<IServiceProvider, StorageOptions, IEventStore> create)
{
    /// <summary>The <c>Storage:Provider</c> value it serves.</summary>
    public string Provider { get; } = provider;

    /// <summary>True when <paramref name="configured"/> names this engine.</summary>
    public bool Serves(string? configured) => string.Equals(configured?.Trim(), Provider, StringComparison.OrdinalIgnoreCase);

    internal IEventStore Create(IServiceProvider services, StorageOptions options) => create(services, options);

    /// <summary>The package and the call that register the engine for <paramref name="provider"/>, for startup errors.</summary>
    internal static string HowToAdd(string provider) =>
        string.Equals(provider, StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase)
            ? "add the PaymentEvents.PostgreSql package and call services.AddPostgresEventStore()"
            : "add the PaymentEvents.Sqlite package and call services.AddSqliteEventStore()";
}
