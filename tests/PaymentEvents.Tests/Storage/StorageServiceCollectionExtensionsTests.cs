using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaymentEvents.Hosting;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"pe-di-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Sqlite_creates_the_data_dir_and_migrates_before_the_app_serves()
    {
        var dataDir = Path.Combine(_root, "nested", "data");
        using var host = BuildHost(new() { ["Storage:DataDir"] = dataDir });

        await host.StartAsync();

        Assert.True(File.Exists(Path.Combine(dataDir, "payment-events.db")));
        var store = host.Services.GetRequiredService<IEventStore>();
        Assert.IsType<SqliteEventStore>(store);
        Assert.Same(store, host.Services.GetRequiredService<IEventStore>());
        Assert.True(await store.IsHealthyAsync(default));
        Assert.Equal(InsertOutcome.Stored, await store.InsertAsync(new NewEvent("e", "t", null, null, "{}", DateTimeOffset.UnixEpoch), default));
        await host.StopAsync();
    }

    [Fact]
    public async Task The_schema_exists_before_any_hosted_service_starts_even_one_registered_earlier()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDir"] = Path.Combine(_root, "data") });
        builder.Services.AddSingleton<ClaimingService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ClaimingService>());
        builder.Services.AddPaymentEventsShared().AddEventStorage(builder.Configuration).AddSqliteEventStore().AddPostgresEventStore();
        using var host = builder.Build();

        await host.StartAsync();

        Assert.Equal(0, host.Services.GetRequiredService<ClaimingService>().ClaimedAtStart);
        await host.StopAsync();
    }

    [Fact]
    public void A_synchronously_disposed_container_disposes_the_store()
    {
        var services = new ServiceCollection().AddLogging().AddPaymentEventsShared();
        services.AddEventStorage(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDir"] = Path.Combine(_root, "data") })
            .Build()).AddSqliteEventStore();
        var provider = services.BuildServiceProvider();
        Assert.IsType<SqliteEventStore>(provider.GetRequiredService<IEventStore>());

        provider.Dispose();
    }

    [Theory]
    [InlineData("mysql", null, "Storage:Provider must be 'sqlite' or 'postgres'")]
    [InlineData("postgres", null, "ConnectionStrings:PaymentEvents is required when Storage:Provider=postgres")]
    [InlineData("postgres", "Host=x;Nonsense Key=1;Password=s3cret", "ConnectionStrings:PaymentEvents is not a valid PostgreSQL connection string")]
    public async Task Bad_configuration_stops_startup_naming_the_key(string provider, string? connectionString, string message)
    {
        using var host = BuildHost(new()
        {
            ["Storage:Provider"] = provider,
            ["Storage:DataDir"] = Path.Combine(_root, "data"),
            ["ConnectionStrings:PaymentEvents"] = connectionString,
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite", "Storage:Provider=sqlite but that storage engine is not registered: add the PaymentEvents.Sqlite package and call services.AddSqliteEventStore().")]
    [InlineData("postgres", "Storage:Provider=postgres but that storage engine is not registered: add the PaymentEvents.PostgreSql package and call services.AddPostgresEventStore().")]
    public async Task A_provider_whose_engine_is_not_registered_stops_startup_naming_the_package(string provider, string message)
    {
        // Only the other engine registered: the configured one's package is missing.
        using var host = BuildHost(
            new()
            {
                ["Storage:Provider"] = provider,
                ["Storage:DataDir"] = Path.Combine(_root, "data"),
                ["ConnectionStrings:PaymentEvents"] = "Host=127.0.0.1;Username=x",
            },
            services => provider == "sqlite" ? services.AddPostgresEventStore() : services.AddSqliteEventStore());

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(message, Assert.Single(ex.Failures));
    }

    [Fact]
    public void Registering_an_engine_twice_keeps_one()
    {
        var services = new ServiceCollection().AddSqliteEventStore().AddSqliteEventStore().AddPostgresEventStore();

        Assert.Equal(["sqlite", "postgres"], services.Where(d => d.ServiceType == typeof(EventStoreEngine)).Select(d => ((EventStoreEngine)d.ImplementationInstance!).Provider));
    }

    [Fact]
    public void Provider_names_are_case_insensitive()
    {
        using var host = BuildHost(new()
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:PaymentEvents"] = "Host=127.0.0.1;Username=x",
        });

        Assert.IsType<PostgresEventStore>(host.Services.GetRequiredService<IEventStore>());
    }

    [Fact]
    public async Task An_unreachable_postgres_fails_startup_clearly_after_retrying()
    {
        var options = Options.Create(new StorageOptions
        {
            Provider = "postgres",
            ConnectionString = $"Host=127.0.0.1;Port={ClosedPort()};Username=x;Timeout=2",
        });
        await using var store = new PostgresEventStore(options.Value.ConnectionString!, TimeProvider.System, NullLogger<PostgresEventStore>.Instance);
        var service = new StorageMigrationService(store, options, TimeProvider.System, NullLogger<StorageMigrationService>.Instance)
        {
            MaxAttempts = 3,
            FirstDelay = TimeSpan.Zero,
        };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => service.StartingAsync(default));

        Assert.Contains("after 3 attempt(s)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:PaymentEvents", ex.Message, StringComparison.Ordinal);
        Assert.IsType<StorageUnavailableException>(ex.InnerException);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Username=u;Database=d", 64)]                       // not said: the service's default
    [InlineData("Host=127.0.0.1;Username=u;Database=d;Max Auto Prepare=0", 0)]     // said: kept (PgBouncer)
    [InlineData("Host=127.0.0.1;Username=u;Database=d;maxautoprepare=5", 5)]
    public void PostgreSQL_statements_are_auto_prepared_unless_the_connection_string_says_otherwise(string connectionString, int expected)
    {
        using var store = new PostgresEventStore(connectionString, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresEventStore>.Instance);

        Assert.Equal(expected, new Npgsql.NpgsqlConnectionStringBuilder(store.ConnectionString).MaxAutoPrepare);
    }

    [Theory]
    [InlineData("3D000", "does not exist")]
    [InlineData("28P01", "user name or password")]
    [InlineData("42501", "grant it CREATE")]
    [InlineData("53300", null)] // too many connections: transient, retried
    public void Errors_no_retry_can_cure_are_recognised_by_SQLSTATE(string sqlState, string? expected)
    {
        var reason = PostgresEventStore.PermanentReasonOf(new Npgsql.PostgresException("message", "FATAL", "FATAL", sqlState));

        if (expected is null)
        {
            Assert.Null(reason);
        }
        else
        {
            Assert.Contains(expected, reason, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings:PaymentEvents", reason, StringComparison.Ordinal);
        }
    }

    private sealed class ClaimingService(IEventStore store) : IHostedService
    {
        public int? ClaimedAtStart { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken) =>
            ClaimedAtStart = (await store.ClaimAsync("probe", 10, TimeSpan.FromSeconds(30), cancellationToken)).Count;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, Func<IServiceCollection, IServiceCollection>? engines = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        (engines ?? (s => s.AddSqliteEventStore().AddPostgresEventStore()))(builder.Services.AddPaymentEventsShared().AddEventStorage(builder.Configuration));
        return builder.Build();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
