using System.Net;
using System.Text;
using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Receiver;

/// <summary>Webhooks:AllowV0Signatures=true accepts body-only signatures (docs/protocol.md §3, V0).</summary>
public sealed class CallbackV0Tests : IDisposable
{
    private readonly ReceiverHost _host = new(s => s["Webhooks:AllowV0Signatures"] = "true");

    [Fact]
    public async Task V0_signature_is_accepted_when_turned_on_and_deduplicated_by_id()
    {
        var client = _host.CreateClient();
        var id = TestEvents.NewId();
        var body = Encoding.UTF8.GetBytes(TestEvents.Json(id));
        var headers = _host.Signer.SignV0(body);

        var first = await client.SendAsync(ReceiverHost.Delivery(body, ReceiverHost.CallbackPath, headers));
        // A captured V0 request replays forever: only the id dedup protects, so a replay is a duplicate.
        var replay = await client.SendAsync(ReceiverHost.Delivery(body, ReceiverHost.CallbackPath, headers));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("\"duplicate\":true", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(await _host.Store.GetAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task V0_signature_by_an_untrusted_key_is_still_401()
    {
        var client = _host.CreateClient();
        var body = Encoding.UTF8.GetBytes(TestEvents.Json());
        var stranger = new PaymentEvents.Protocol.RequestSigner(PaymentEvents.Protocol.AppKey.Generate(), _host.Time);

        var response = await client.SendAsync(ReceiverHost.Delivery(body, ReceiverHost.CallbackPath, stranger.SignV0(body)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public void Dispose() => _host.Dispose();
}
