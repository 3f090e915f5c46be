using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Handlers;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Admin;

/// <summary>Replay through the admin API against the real processor: a dead event runs again and succeeds.</summary>
public sealed class AdminReplayTests : IDisposable
{
    private const string FailingType = SwitchableHandler.FailingType;

    private readonly ReceiverHost _host = new(
        s => s["Processing:MaxAttempts"] = "1",
        services =>
        {
            services.AddSingleton<FailureSwitch>();
            services.AddPaymentEventHandlers([typeof(SwitchableHandler)]);
        });

    [Fact]
    public async Task Dead_event_is_listed_replayed_in_bulk_and_then_processed()
    {
        var client = _host.CreateAdminClient();
        var failures = _host.Services.GetRequiredService<FailureSwitch>();
        var id = TestEvents.NewId();
        failures.Failing = true;
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(_host.SignedDelivery(TestEvents.Json(id, type: FailingType)))).StatusCode);
        await WaitStatusAsync(id, EventStatus.Dead);

        var dead = await client.GetFromJsonAsync<JsonElement>($"/api/events?status=dead&type={FailingType}");
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/events/{id}");
        Assert.Contains(dead.GetProperty("items").EnumerateArray(), item => item.GetProperty("id").GetString() == id);
        Assert.Equal("dead", detail.GetProperty("status").GetString());
        Assert.Contains("switched off", detail.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        var attempt = Assert.Single(detail.GetProperty("attempts").EnumerateArray());
        Assert.False(attempt.GetProperty("succeeded").GetBoolean());

        failures.Failing = false;
        var replay = await client.PostAsync($"/api/events/replay?status=dead&type={FailingType}", null);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(1, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetInt32());
        await WaitStatusAsync(id, EventStatus.Processed);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/events/{id}");
        var handler = Assert.Single(after.GetProperty("attempts").EnumerateArray());
        Assert.True(handler.GetProperty("succeeded").GetBoolean());
        Assert.Equal(2, handler.GetProperty("attempts").GetInt32());
        Assert.Equal(2, failures.Calls[id]);
    }

    public void Dispose() => _host.Dispose();

    private Task WaitStatusAsync(string id, EventStatus status) => Poll.UntilAsync(
        async () => (await _host.Store.GetAsync(id, CancellationToken.None))?.Status == status,
        what: $"{id} {status}");
}
