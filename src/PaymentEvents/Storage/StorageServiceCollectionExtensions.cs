using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PaymentEvents.Storage;

/// <summary>Registers the event store chosen by <c>Storage:Provider</c>.</summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> (section <c>Storage</c> and <c>ConnectionStrings:PaymentEvents</c>), validated
    /// on start; registers <see cref="IEventStore"/> as a singleton (and each of its roles as that same instance), made by the engine <c>Storage:Provider</c> names
    /// (registered by its package: <c>AddSqliteEventStore()</c>, <c>AddPostgresEventStore()</c>; startup fails naming
    /// the package when it is missing); and a hosted service that migrates the schema
    /// before the app serves, and the background retention purge (<c>Storage:Retention</c>). Uses the shared <see cref="TimeProvider"/> (<c>AddPaymentEventsShared</c>).
    /// </summary>
    public static IServiceCollection AddEventStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton<IEventStore>(CreateStore);
        // Each caller takes only the role it uses; all are the one store (a test's replacement IEventStore included).
        services.TryAddSingleton<IStoreSchema>(static s => s.GetRequiredService<IEventStore>());
        services.TryAddSingleton<IInboxWriter>(static s => s.GetRequiredService<IEventStore>());
        services.TryAddSingleton<IEventLeases>(static s => s.GetRequiredService<IEventStore>());
        services.TryAddSingleton<IEventQueries>(static s => s.GetRequiredService<IEventStore>());
        services.TryAddSingleton<IEventAdmin>(static s => s.GetRequiredService<IEventStore>());
        services.AddHostedService<StorageMigrationService>();
        services.AddHostedService<RetentionService>();
        return services;
    }

    /// <summary>
    /// Makes <paramref name="engine"/> available to <see cref="AddEventStorage"/> (an engine package's
    /// <c>Add*EventStore()</c> calls this); a second engine for the same provider is ignored.
    /// </summary>
    public static IServiceCollection AddEventStoreEngine(this IServiceCollection services, EventStoreEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (!services.Any(d => d.ServiceType == typeof(EventStoreEngine) && d.ImplementationInstance is EventStoreEngine known && known.Serves(engine.Provider)))
        {
            services.AddSingleton(engine);
        }

        return services;
    }

    private static IEventStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        // StorageOptionsValidator has already failed startup, naming the package to add, when no engine serves it.
        var engine = services.GetServices<EventStoreEngine>().FirstOrDefault(e => e.Serves(options.Provider))
            ?? throw new InvalidOperationException(
                $"Storage:Provider '{options.Provider}' has no engine registered: {EventStoreEngine.HowToAdd(options.Provider)}.");
        return engine.Create(services, options);
    }
}
