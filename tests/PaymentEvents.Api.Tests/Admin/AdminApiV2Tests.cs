using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Api.Tests.Dashboard;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Api.Tests.Receiver;
using PaymentEvents.Handlers;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Admin;

/// <summary>Attempt history, filters, stats, resolve, rejections and the read-only key of the admin API.</summary>
public sealed class AdminApiV2Tests : IDisposable
{
    private readonly ReceiverHost _host = new(
        s =>
        {
            s["Admin:ReadOnlyApiKey"] = DashboardHost.ReadOnlyKey;
            s["Processing:MaxAttempts"] = "1";
        },
        services =>
        {
            services.AddSingleton<FailureSwitch>();
            services.AddPaymentEventHandlers([typeof(SwitchableHandler)]);
        });

    private FailureSwitch Failures => _host.Services.GetRequiredService<FailureSwitch>();

    [Fact]
    public async Task History_keeps_every_attempt_and_the_counts_stay_true_after_a_replay()
    {
        var client = _host.CreateAdminClient();
        Failures.Failing = true;
        var id = await DeliverAsync(client, DashboardHost.FailingType);
        await WaitStatusAsync(id, EventStatus.Dead);
        Failures.Failing = false;
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/events/{id}/replay", null)).StatusCode);
        await WaitStatusAsync(id, EventStatus.Processed);

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/events/{id}");

        var history = detail.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal(["failed", "succeeded"], history.Select(a => a.GetProperty("outcome").GetString()));
        Assert.Equal([1, 2], history.Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.Contains("switched off", history[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, history[1].GetProperty("error").ValueKind);
        Assert.Equal(2, detail.GetProperty("attempt_count").GetInt32());
        Assert.Equal(2, Assert.Single(detail.GetProperty("attempts").EnumerateArray()).GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Filters_by_livemode_time_and_id_and_bad_values_are_400_naming_the_parameter()
    {
        var client = _host.CreateAdminClient();
        var test = await DeliverAsync(client, "invoice.paid", livemode: false);
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        var live = await DeliverAsync(client, "invoice.paid", livemode: true);
        var between = _host.Time.GetUtcNow().AddMinutes(-1).ToString("O");

        Assert.Equal([live], await IdsAsync(client, "livemode=true"));
        Assert.Equal([test], await IdsAsync(client, "livemode=false"));
        Assert.Equal([live], await IdsAsync(client, $"received_after={Uri.EscapeDataString(between)}"));
        Assert.Equal([test], await IdsAsync(client, $"received_before={Uri.EscapeDataString(between)}"));
        Assert.Equal([test], await IdsAsync(client, $"id={test[..20]}&livemode=false"));
        await CallbackStatusTests.AssertProblemAsync(await client.GetAsync("/api/events?livemode=maybe"), HttpStatusCode.BadRequest, "livemode must be true or false, got 'maybe'");
        await CallbackStatusTests.AssertProblemAsync(await client.GetAsync("/api/events?received_after=yesterday"), HttpStatusCode.BadRequest, "received_after");
    }

    [Fact]
    public async Task Time_filters_read_an_offset_as_that_instant_and_no_offset_as_UTC_like_the_dashboard()
    {
        var client = _host.CreateAdminClient();
        var early = await DeliverAsync(client, "invoice.paid");
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        var late = await DeliverAsync(client, "invoice.paid");
        var between = _host.Time.GetUtcNow().AddMinutes(-2);

        // The same instant written three ways: east and west of UTC, and as a dashboard datetime-local sends it (UTC).
        foreach (var text in new[]
        {
            between.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            between.ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            between.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            Assert.Equal([late], await IdsAsync(client, $"received_after={Uri.EscapeDataString(text)}"));
            Assert.Equal([early], await IdsAsync(client, $"received_before={Uri.EscapeDataString(text)}"));
        }
    }

    [Fact]
    public async Task Resolve_closes_a_dead_event_without_running_it_and_is_409_for_any_other()
    {
        var client = _host.CreateAdminClient();
        Failures.Failing = true;
        var id = await DeliverAsync(client, DashboardHost.FailingType);
        await WaitStatusAsync(id, EventStatus.Dead);

        var resolved = await client.PostAsync($"/api/events/{id}/resolve", null);
        var again = await client.PostAsync($"/api/events/{id}/resolve", null);
        var unknown = await client.PostAsync("/api/events/evt_nope/resolve", null);

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(EventStatus.Resolved, (await _host.Store.GetAsync(id, CancellationToken.None))!.Status);
        Assert.Equal(1, Failures.Calls[id]);
        await CallbackStatusTests.AssertProblemAsync(again, HttpStatusCode.Conflict, "resolved");
        await CallbackStatusTests.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "evt_nope");
        Assert.Equal([id], await IdsAsync(client, "status=resolved"));
    }

    [Fact]
    public async Task Stats_count_by_status_and_deliveries_per_minute()
    {
        var client = _host.CreateAdminClient();
        var id = await DeliverAsync(client, "invoice.paid");
        await WaitStatusAsync(id, EventStatus.Processed);

        var stats = await client.GetFromJsonAsync<JsonElement>("/api/stats");

        Assert.Equal(1, stats.GetProperty("counts").GetProperty("processed").GetInt64());
        Assert.Equal(0, stats.GetProperty("counts").GetProperty("dead").GetInt64());
        var perMinute = stats.GetProperty("deliveries_per_minute").EnumerateArray().ToList();
        Assert.Equal(60, perMinute.Count);
        Assert.Equal(1, perMinute[^1].GetProperty("count").GetInt64());
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("oldest_unprocessed_age_seconds").ValueKind);
    }

    [Fact]
    public async Task Rejections_list_the_refused_delivery_with_its_reason_and_without_the_signature()
    {
        var client = _host.CreateAdminClient();
        var forger = new PaymentEvents.Protocol.RequestSigner(PaymentEvents.Protocol.AppKey.Generate(), _host.Time);
        var response = await client.SendAsync(_host.SignedDelivery(TestEvents.Json("evt_forged_1"), signer: forger));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var rejections = await client.GetFromJsonAsync<JsonElement>("/api/rejections");

        var entry = rejections.GetProperty("items").EnumerateArray().First();
        Assert.Equal(401, entry.GetProperty("status").GetInt32());
        Assert.StartsWith("no_trusted_key_matched", entry.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(ReceiverHost.CallbackPath, entry.GetProperty("path").GetString());
        Assert.Contains("evt_forged_1", entry.GetProperty("body_excerpt").GetString(), StringComparison.Ordinal);
        var signature = entry.GetProperty("headers").EnumerateObject().Single(h => h.Name.Equals("x-component-sig", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("not shown", signature.Value.GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_read_only_key_reads_but_gets_403_on_replay_and_resolve()
    {
        var admin = _host.CreateAdminClient();
        var id = await DeliverAsync(admin, "invoice.paid");
        var reader = _host.CreateClient();
        reader.DefaultRequestHeaders.Add("X-Api-Key", DashboardHost.ReadOnlyKey);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/events/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/stats")).StatusCode);
        await CallbackStatusTests.AssertProblemAsync(await reader.PostAsync($"/api/events/{id}/replay", null), HttpStatusCode.Forbidden, "read-only");
        await CallbackStatusTests.AssertProblemAsync(await reader.PostAsync($"/api/events/{id}/resolve", null), HttpStatusCode.Forbidden, "read-only");
        await CallbackStatusTests.AssertProblemAsync(await reader.PostAsync("/api/events/replay?status=dead", null), HttpStatusCode.Forbidden, "read-only");
    }

    public void Dispose() => _host.Dispose();

    private async Task<string> DeliverAsync(HttpClient client, string type, bool livemode = false)
    {
        var id = TestEvents.NewId();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(_host.SignedDelivery(TestEvents.Json(id, type: type, livemode: livemode)))).StatusCode);
        return id;
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/events?" + query)).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];

    private Task WaitStatusAsync(string id, EventStatus status) => Poll.UntilAsync(
        async () => (await _host.Store.GetAsync(id, CancellationToken.None))?.Status == status,
        what: $"{id} {status}");
}
