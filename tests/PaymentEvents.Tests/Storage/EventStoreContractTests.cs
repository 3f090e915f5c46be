using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IEventStore"/> engine must have. Each engine derives once; every test gets an
/// empty database. Time is a FakeTimeProvider, so leases and retries move only when a test advances it.
/// </summary>
public abstract partial class EventStoreContractTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly List<IEventStore> _stores = [];
    private int _counter;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private protected IEventStore Store { get; private set; } = null!;

    /// <summary>Switches to a new, empty database (called before each test; may be called again by a test).</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>A new store instance (a "replica") over the current database.</summary>
    private protected abstract IEventStore NewStore(TimeProvider time);

    /// <summary>Removes what <see cref="CreateDatabaseAsync"/> made, after the stores are disposed.</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        Store = Replica();
        await Store.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        await CleanupAsync();
    }

    private protected IEventStore Replica()
    {
        var store = NewStore(Time);
        _stores.Add(store);
        return store;
    }

    protected async Task<string> InsertAsync(string? objectId, string type = "customer.subscription.updated")
    {
        var id = $"evt_{Interlocked.Increment(ref _counter):D5}";
        Assert.Equal(InsertOutcome.Stored, await Store.InsertAsync(new NewEvent(id, type, objectId, false, "{}", Time.GetUtcNow()), default));
        return id;
    }

    private async Task<string[]> InsertManyAsync(string? objectId, int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await InsertAsync(objectId);
        }

        return ids;
    }
}
