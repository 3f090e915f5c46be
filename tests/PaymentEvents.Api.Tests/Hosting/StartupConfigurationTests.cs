using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Hosting;

/// <summary>Bad configuration stops startup with a message naming the key (docs/configuration.md).</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("Webhooks:Path", "api/payment/callback", "Webhooks:Path must start with '/'")]
    [InlineData("Webhooks:MaxBodyBytes", "0", "Webhooks:MaxBodyBytes")]
    [InlineData("Webhooks:ClockSkew", "-00:00:05", "Webhooks:ClockSkew")]
    [InlineData("Webhooks:MaxValidity", "00:00:10", "Webhooks:MaxValidity")]
    [InlineData("Webhooks:BodyReadTimeout", "00:00:00", "Webhooks:BodyReadTimeout")]
    [InlineData("PaymentKit:AppPk", "0x1234zz", "PaymentKit:AppPk")]
    [InlineData("PaymentKit:AppPk", "0x" + "ab", "PaymentKit:AppPk")]
    [InlineData("PaymentKit:TrustedKeys:0", "0xabcd", "PaymentKit:TrustedKeys:0")]
    [InlineData("PaymentKit:WalletType", "bitcoin", "PaymentKit:WalletType")]
    [InlineData("Admin:ApiKey", "short", "Admin:ApiKey")]
    [InlineData("ForwardedHeaders:KnownProxies:1", "proxy.internal", "ForwardedHeaders:KnownProxies:1 must be an IP address")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/8,10.0.0.0/33", "ForwardedHeaders:KnownNetworks must be a network")]
    public async Task Bad_setting_fails_startup_naming_the_key(string key, string value, string expected)
    {
        var error = await StartFailureAsync("Testing", s => s[key] = value);

        Assert.True(Flatten(error).Contains(expected, StringComparison.Ordinal), error.ToString());
    }

    [Fact]
    public async Task No_verification_key_outside_Development_fails_startup()
    {
        var error = await StartFailureAsync("Production", s => s.Remove("PaymentKit:AppPk"));

        Assert.True(Flatten(error).Contains("PaymentKit:AppPk", StringComparison.Ordinal), error.ToString());
    }

    [Fact]
    public async Task No_verification_key_in_Development_trusts_the_generated_development_key()
    {
        using var host = new ReceiverHost(trustKey: false, environment: "Development");
        var client = host.CreateClient();
        var devKey = PaymentEvents.Registration.DevelopmentKeyStore.TryLoad(host.DataDir);
        Assert.NotNull(devKey);
        var signer = new PaymentEvents.Protocol.RequestSigner(devKey.Key, host.Time);

        var response = await client.SendAsync(host.SignedDelivery(TestEvents.Json(), signer: signer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AppSk_alone_is_enough_to_verify()
    {
        var key = PaymentEvents.Protocol.AppKey.Generate();
        using var host = new ReceiverHost(s => s["PaymentKit:AppSk"] = key.SecretKeyHex, trustKey: false);
        var signer = new PaymentEvents.Protocol.RequestSigner(key, host.Time);

        var response = await host.CreateClient().SendAsync(host.SignedDelivery(TestEvents.Json(), signer: signer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_rotated_in_trusted_key_verifies_too()
    {
        var next = PaymentEvents.Protocol.AppKey.Generate();
        using var host = new ReceiverHost(s => s["PaymentKit:TrustedKeys:0"] = next.PublicKeyHex);
        var signer = new PaymentEvents.Protocol.RequestSigner(next, host.Time);

        var response = await host.CreateClient().SendAsync(host.SignedDelivery(TestEvents.Json(), signer: signer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Custom_webhook_path_is_where_the_callback_listens()
    {
        using var host = new ReceiverHost(s => s["Webhooks:Path"] = "/hooks/pk");
        var client = host.CreateClient();

        var moved = await client.SendAsync(host.SignedDelivery(TestEvents.Json(), path: "/hooks/pk"));
        var old = await client.SendAsync(host.SignedDelivery(TestEvents.Json()));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    /// <summary>
    /// Composes and starts the library exactly as Program does (AddPaymentEvents/MapPaymentEvents) on a
    /// TestServer and returns what stopped it. Not through WebApplicationFactory: its deferred host can
    /// surface an ObjectDisposedException instead of the startup error when a host fails to start.
    /// </summary>
    private static async Task<Exception> StartFailureAsync(string environment, Action<Dictionary<string, string?>> change)
    {
        var dataDir = Directory.CreateTempSubdirectory("paymentevents-startup-").FullName;
        try
        {
            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Storage:DataDir"] = dataDir,
                ["PaymentKit:AppPk"] = PaymentEvents.Protocol.AppKey.Generate().PublicKeyHex,
                ["Admin:ApiKey"] = ReceiverHost.AdminKey,
            };
            change(settings);
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(settings);
            builder.AddPaymentEvents(typeof(Program).Assembly);
            builder.Services.AddSqliteEventStore().AddPostgresEventStore();

            return await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await using var app = builder.Build();
                app.MapPaymentEvents();
                await app.StartAsync();
                await app.StopAsync();
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static string Flatten(Exception error)
    {
        var text = new System.Text.StringBuilder();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            text.AppendLine(e.Message);
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    text.AppendLine(Flatten(inner));
                }
            }
        }

        return text.ToString();
    }
}
