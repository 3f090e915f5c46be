using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

/// <summary>
/// A PostgreSQL test class's own migrated database on the shared server, a fake clock, and stores on it
/// (several act as replicas), disposed with the test.
/// </summary>
public abstract class PostgresStoreTest(PostgresServerFixture server) : IAsyncLifetime
{
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private readonly List<PostgresEventStore> _stores = [];

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await server.CreateDatabaseAsync();
        await NewStore().MigrateAsync(default);
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    private protected PostgresEventStore NewStore()
    {
        var store = new PostgresEventStore(ConnectionString, Time, NullLogger<PostgresEventStore>.Instance);
        _stores.Add(store);
        return store;
    }
}
