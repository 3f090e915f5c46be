using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PaymentEvents.Api.Tests.Dashboard;
using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Admin;

/// <summary>
/// Every acknowledged event can be read, replayed and resolved by its id through the admin API on a real socket,
/// whatever the id holds ('/', '&lt;', '%', a space, a literal "%2F"); ids, types and object ids past their limits are
/// refused with a 400 naming the field, before anything is stored.
/// </summary>
public sealed class EventIdEncodingTests : IDisposable
{
    private readonly DashboardHost _host = new();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string> HostileIds => new()
    {
        "evt_a/b",
        "evt_<script>alert(1)</script>",
        "evt_100%",
        "evt_with space",
        "evt_literal_%2F_and_%252F",
        "evt_query?x=1#frag",
        "evt_é€😀",
    };

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task An_acknowledged_id_with_any_characters_is_read_replayed_and_resolved_by_its_encoded_id(string id)
    {
        using var delivered = await DeliverAsync(TestEvents.Json(id));
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        using var admin = AdminClient();
        var path = "api/events/" + Uri.EscapeDataString(id);

        var read = await admin.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(read.StatusCode == HttpStatusCode.OK, $"GET {path}: {read.StatusCode} {await read.Content.ReadAsStringAsync()}");
        Assert.Equal(id, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());

        var replay = await admin.PostAsync(new Uri(path + "/replay", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);

        // Found (not 404): it is not dead, so there is nothing to resolve.
        var resolve = await admin.PostAsync(new Uri(path + "/resolve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, resolve.StatusCode);
    }

    [Theory]
    [InlineData("id", 256, true)]
    [InlineData("id", 257, false)]
    [InlineData("type", 128, true)]
    [InlineData("type", 129, false)]
    [InlineData("object_id", 256, true)]
    [InlineData("object_id", 257, false)]
    public async Task Ids_types_and_object_ids_past_their_limit_are_refused_with_400_naming_the_field_and_nothing_is_stored(string field, int length, bool accepted)
    {
        var value = new string('x', length);
        var id = field == "id" ? value : TestEvents.NewId();
        var json = TestEvents.Json(id, type: field == "type" ? value : "invoice.paid", objectId: field == "object_id" ? value : null);

        using var response = await DeliverAsync(json);

        var body = await response.Content.ReadAsStringAsync();
        if (accepted)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            Assert.NotNull(await _host.Host.Store.GetAsync(id, CancellationToken.None));
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"'{field}' is {length} characters long", body, StringComparison.Ordinal);
            Assert.Null(await _host.Host.Store.GetAsync(id, CancellationToken.None));
        }
    }

    private HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(_host.Origin + "/") };
        client.DefaultRequestHeaders.Add("X-Api-Key", ReceiverHost.AdminKey);
        return client;
    }

    private async Task<HttpResponseMessage> DeliverAsync(string json)
    {
        using var request = _host.Host.SignedDelivery(json);
        request.RequestUri = new Uri(_host.Origin + ReceiverHost.CallbackPath);
        return await _host.Http.SendAsync(request);
    }
}
