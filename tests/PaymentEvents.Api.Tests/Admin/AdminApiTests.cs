using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Api.Tests.Receiver;

namespace PaymentEvents.Api.Tests.Admin;

public sealed class AdminApiTests(ReceiverHostFixture fixture) : IClassFixture<ReceiverHostFixture>
{
    private readonly ReceiverHost _host = fixture.Host;

    [Theory]
    [InlineData("GET", "/api/events")]
    [InlineData("GET", "/api/events/evt_x")]
    [InlineData("POST", "/api/events/evt_x/replay")]
    [InlineData("POST", "/api/events/replay?status=dead")]
    public async Task Admin_routes_are_401_without_a_valid_key(string method, string path)
    {
        var client = _host.CreateClient();
        var missing = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var wrong = new HttpRequestMessage(new HttpMethod(method), path);
        wrong.Headers.Add("X-Api-Key", ReceiverHost.AdminKey + "x");

        await CallbackStatusTests.AssertProblemAsync(missing, HttpStatusCode.Unauthorized, "X-Api-Key");
        await CallbackStatusTests.AssertProblemAsync(await client.SendAsync(wrong), HttpStatusCode.Unauthorized, "X-Api-Key");
    }

    [Fact]
    public async Task Get_shows_the_stored_event_with_its_payload_as_json()
    {
        var client = _host.CreateAdminClient();
        var id = TestEvents.NewId();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(_host.SignedDelivery(TestEvents.Json(id, type: "invoice.paid", objectId: "in_get1", livemode: true)))).StatusCode);

        var response = await client.GetAsync($"/api/events/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var e = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, e.GetProperty("id").GetString());
        Assert.Equal("invoice.paid", e.GetProperty("type").GetString());
        Assert.Equal("in_get1", e.GetProperty("object_id").GetString());
        Assert.True(e.GetProperty("livemode").GetBoolean());
        Assert.Contains(e.GetProperty("status").GetString(), new[] { "received", "processing", "processed", "failed", "dead", "ignored" });
        Assert.Equal(_host.Time.GetUtcNow(), e.GetProperty("received_at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Array, e.GetProperty("attempts").ValueKind);
        Assert.True(e.TryGetProperty("last_error", out _));
        Assert.Equal(JsonValueKind.Object, e.GetProperty("event").ValueKind);
        Assert.Equal(id, e.GetProperty("event").GetProperty("id").GetString());
        Assert.Equal("café ☕ <&>", e.GetProperty("event").GetProperty("data").GetProperty("object").GetProperty("note").GetString());
    }

    [Fact]
    public async Task Get_of_an_unknown_id_is_404_problem()
    {
        var response = await _host.CreateAdminClient().GetAsync("/api/events/evt_never_seen");

        await CallbackStatusTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "evt_never_seen");
    }

    [Fact]
    public async Task List_filters_by_object_id_and_type_and_pages_with_the_cursor()
    {
        var client = _host.CreateAdminClient();
        var objectId = "sub_list_" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = TestEvents.NewId();
            ids.Add(id);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(_host.SignedDelivery(TestEvents.Json(id, objectId: objectId)))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(_host.SignedDelivery(TestEvents.Json(type: "invoice.paid", objectId: objectId)))).StatusCode);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/events?object_id={objectId}&type=customer.subscription.renewed&limit=2" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                Assert.Equal(objectId, item.GetProperty("object_id").GetString());
                Assert.Equal("customer.subscription.renewed", item.GetProperty("type").GetString());
                seen.Add(item.GetProperty("id").GetString()!);
            }

            cursor = page.GetProperty("next_cursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next_cursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(2, pages);
    }

    [Theory]
    [InlineData("/api/events?status=DEAD")]
    [InlineData("/api/events?status=gone")]
    [InlineData("/api/events?limit=0")]
    public async Task Invalid_filters_are_400_problem(string url)
    {
        var response = await _host.CreateAdminClient().GetAsync(url);

        await CallbackStatusTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, null);
    }

    [Fact]
    public async Task Bulk_replay_with_an_invalid_status_is_400()
    {
        var response = await _host.CreateAdminClient().PostAsync("/api/events/replay?status=zombie", null);

        await CallbackStatusTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "zombie");
    }

    [Fact]
    public async Task Replay_of_a_known_event_is_202_and_of_an_unknown_one_404()
    {
        var client = _host.CreateAdminClient();
        var id = TestEvents.NewId();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(_host.SignedDelivery(TestEvents.Json(id)))).StatusCode);

        var known = await client.PostAsync($"/api/events/{id}/replay", null);
        var unknown = await client.PostAsync("/api/events/evt_unknown_replay/replay", null);

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(1, (await known.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetInt32());
        await CallbackStatusTests.AssertProblemAsync(unknown, HttpStatusCode.NotFound, null);
    }
}

/// <summary>Without Admin:ApiKey the admin API does not exist.</summary>
public sealed class AdminDisabledTests : IDisposable
{
    private readonly ReceiverHost _host = new(s => s["Admin:ApiKey"] = null);

    [Fact]
    public async Task Admin_routes_are_404_when_no_key_is_configured()
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ReceiverHost.AdminKey);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/events")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/events/replay", null)).StatusCode);
    }

    public void Dispose() => _host.Dispose();
}
