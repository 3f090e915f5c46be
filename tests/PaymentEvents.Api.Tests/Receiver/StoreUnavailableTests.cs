using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Receiver;

/// <summary>
/// A store that cannot write means 503 + Retry-After, never a 2xx for an event that is not stored.
/// Uses a private real PostgreSQL server and stops it mid-test.
/// </summary>
public sealed class StoreUnavailableTests : IAsyncLifetime, IDisposable
{
    private readonly PostgresServerFixture _postgres = new();
    private ReceiverHost? _host;

    private ReceiverHost Host => _host ?? throw new InvalidOperationException("not initialized");

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        var connectionString = await _postgres.CreateDatabaseAsync();
        _host = new ReceiverHost(s =>
        {
            s["Storage:Provider"] = "postgres";
            s["ConnectionStrings:PaymentEvents"] = connectionString;
        });
    }

    public async Task DisposeAsync()
    {
        Dispose();
        await _postgres.DisposeAsync();
    }

    public void Dispose()
    {
        _host?.Dispose();
        _host = null;
    }

    [Fact]
    public async Task Database_down_is_503_with_Retry_After_and_nothing_half_written_after_recovery()
    {
        var client = Host.CreateClient();
        var beforeId = TestEvents.NewId();
        var beforeJson = TestEvents.Json(beforeId);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Host.SignedDelivery(beforeJson))).StatusCode);
        var duringId = TestEvents.NewId();
        var duringJson = TestEvents.Json(duringId, type: "invoice.paid");

        await _postgres.StopAsync();
        var during = await client.SendAsync(Host.SignedDelivery(duringJson));
        var ready = await client.GetAsync("/readyz");
        await _postgres.StartAsync();

        await CallbackStatusTests.AssertProblemAsync(during, HttpStatusCode.ServiceUnavailable, null);
        Assert.NotNull(during.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var storage = (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("storage");
        Assert.Equal("unhealthy", storage.GetProperty("status").GetString());
        Assert.Equal("postgres", storage.GetProperty("data").GetProperty("engine").GetString());

        // Recovered: the refused delivery left nothing behind, the earlier one is intact. The host's clock moves while
        // it waits, as real time would: a write failure recorded after the check above (a refused insert finishing
        // late) keeps readiness false for the store's write-failure hold, measured on that clock.
        await Poll.UntilAsync(
            async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK,
            what: "storage ready again",
            betweenChecks: () => Host.Time.Advance(TimeSpan.FromSeconds(1)));
        Assert.Null(await Host.Store.GetAsync(duringId, CancellationToken.None));
        Assert.Equal(beforeJson, (await Host.Store.GetAsync(beforeId, CancellationToken.None))!.Payload);

        // Payment Kit's retry is then stored as new, not as a duplicate.
        var retry = await client.SendAsync(Host.SignedDelivery(duringJson));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.False((await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());
        Assert.Equal(duringJson, (await Host.Store.GetAsync(duringId, CancellationToken.None))!.Payload);
    }
}
