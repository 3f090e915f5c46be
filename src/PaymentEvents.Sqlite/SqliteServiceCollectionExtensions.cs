using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PaymentEvents.Storage;

/// <summary>Registers the SQLite engine, used when <c>Storage:Provider=sqlite</c> (the default).</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Makes the SQLite engine available to <c>AddEventStorage</c> (called by <c>AddPaymentEvents</c>): one file,
    /// <c>payment-events.db</c>, under <c>Storage:DataDir</c> (created if missing). Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddSqliteEventStore(this IServiceCollection services) =>
        services.AddEventStoreEngine(new EventStoreEngine(StorageOptions.Sqlite, Create));

    private static SqliteEventStore Create(IServiceProvider services, StorageOptions options)
    {
        string directory;
        try
        {
            directory = Directory.CreateDirectory(options.DataDir).FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidOperationException(
                $"Storage:DataDir '{options.DataDir}' could not be created: {ex.Message}", ex);
        }

        return new SqliteEventStore(
            Path.Combine(directory, SqliteEventStore.FileName),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<SqliteEventStore>>());
    }
}
