using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaymentEvents.Storage;

/// <summary>Registers the event store chosen by <c>Storage:Provider</c>.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> (section <c>Storage</c> and <c>ConnectionStrings:PaymentEvents</c>), validated
    /// on start; registers <see cref="IEventStore"/> as a singleton (SQLite file <c>payment-events.db</c> under
    /// <c>Storage:DataDir</c>, created if missing, or PostgreSQL); and a hosted service that migrates the schema
    /// before the app serves, and the background retention purge (<c>Storage:Retention</c>). Uses the registered <see cref="TimeProvider"/> (the system clock when none is).
    /// </summary>
    public static IServiceCollection AddEventStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEventStore>(CreateStore);
        services.AddHostedService<StorageMigrationService>();
        services.AddHostedService<RetentionService>();
        return services;
    }

    private static IEventStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        if (options.IsPostgres)
        {
            return new PostgresEventStore(options.ConnectionString!, time, loggers.CreateLogger<PostgresEventStore>());
        }

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

        return new SqliteEventStore(Path.Combine(directory, SqliteEventStore.FileName), time, loggers.CreateLogger<SqliteEventStore>());
    }
}
