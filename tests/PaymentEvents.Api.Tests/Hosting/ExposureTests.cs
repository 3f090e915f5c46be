using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Hosting;

/// <summary>What a deployment exposes: the API description only where wanted, routes where the host wants them.</summary>
public sealed class ExposureTests
{
    [Theory]
    [InlineData("Production", null, HttpStatusCode.NotFound)]
    [InlineData("Production", "true", HttpStatusCode.OK)]
    [InlineData("Development", null, HttpStatusCode.OK)]
    [InlineData("Development", "false", HttpStatusCode.NotFound)]
    public async Task OpenApi_and_swagger_are_on_in_Development_or_with_OpenApi_Enabled(string environment, string? enabled, HttpStatusCode expected)
    {
        using var host = new ReceiverHost(
            s =>
            {
                if (enabled is not null)
                {
                    s["OpenApi:Enabled"] = enabled;
                }
            },
            environment: environment);
        var client = host.CreateClient();

        Assert.Equal(expected, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/swagger/index.html")).StatusCode);
    }

    [Fact]
    public async Task Routes_are_configurable_and_an_empty_one_is_not_mapped()
    {
        using var host = new ReceiverHost(s =>
        {
            s["Routes:Health"] = "/ops/live";
            s["Routes:Ready"] = "/ops/ready";
            s["Routes:Metrics"] = "";
        });
        var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ops/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ops/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task A_host_adds_its_own_readiness_check_to_readyz()
    {
        using var host = new ReceiverHost(services: s => s.AddHealthChecks()
            .AddCheck("ledger", () => HealthCheckResult.Unhealthy("ledger down"), tags: ["ready"]));

        var response = await host.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("ledger down", body.GetProperty("checks").GetProperty("ledger").GetProperty("description").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task MapPaymentEvents_returns_a_builder_that_conventions_chain_onto()
    {
        var dataDir = Directory.CreateTempSubdirectory("paymentevents-exposure-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDir"] = dataDir,
                ["PaymentKit:AppPk"] = PaymentEvents.Protocol.AppKey.Generate().PublicKeyHex,
            });
            builder.AddPaymentEvents(typeof(Program).Assembly);
            builder.Services.AddSqliteEventStore();
            await using var app = builder.Build();
            app.MapPaymentEvents().RequireHost("pay.internal");
            await app.StartAsync();
            var client = app.GetTestClient();

            var elsewhere = await client.GetAsync(new Uri("http://www.example/healthz"));
            var there = await client.GetAsync(new Uri("http://pay.internal/healthz"));

            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
            Assert.Equal(HttpStatusCode.OK, there.StatusCode);
            await app.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TempDirectory.Delete(dataDir);
        }
    }
}
