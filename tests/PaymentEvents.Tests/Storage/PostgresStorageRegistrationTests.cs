using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PaymentEvents.Hosting;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

[Collection("postgres")]
public sealed class PostgresStorageRegistrationTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Postgres_provider_migrates_at_startup_using_the_connection_string()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:PaymentEvents"] = await server.CreateDatabaseAsync(),
        });
        builder.Services.AddPaymentEventsShared().AddEventStorage(builder.Configuration).AddSqliteEventStore().AddPostgresEventStore();
        using var host = builder.Build();

        await host.StartAsync();

        var store = host.Services.GetRequiredService<IEventStore>();
        Assert.IsType<PostgresEventStore>(store);
        Assert.True(await store.IsHealthyAsync(default));
        await host.StopAsync();
    }
}
