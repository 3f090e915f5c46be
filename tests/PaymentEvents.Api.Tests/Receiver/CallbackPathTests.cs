using System.Net;
using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Receiver;

/// <summary>
/// Behind a proxy that strips a prefix, the sender signed a longer path than the receiver sees
/// (docs/protocol.md §3): X-Forwarded-Prefix and the path of PaymentKit:CallbackUrl are accepted.
/// </summary>
public sealed class CallbackPathTests : IDisposable
{
    private const string PublicPath = "/shop/payment-events/api/payment/callback";

    private readonly ReceiverHost _host = new(s => s["PaymentKit:CallbackUrl"] = "https://shop.example" + PublicPath);

    [Fact]
    public async Task Path_signed_with_the_forwarded_prefix_is_accepted()
    {
        var client = _host.CreateClient();
        var request = _host.SignedDelivery(TestEvents.Json(), signedPath: "/pay" + ReceiverHost.CallbackPath);
        request.Headers.Add("X-Forwarded-Prefix", "/pay");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Path_signed_with_the_blocklet_path_prefix_is_accepted()
    {
        var client = _host.CreateClient();
        var request = _host.SignedDelivery(TestEvents.Json(), signedPath: "/pay/" + ReceiverHost.CallbackPath.TrimStart('/'));
        request.Headers.Add("x-path-prefix", "/pay/");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Prefixed_path_without_the_header_is_401()
    {
        var client = _host.CreateClient();
        var response = await client.SendAsync(_host.SignedDelivery(TestEvents.Json(), signedPath: "/pay" + ReceiverHost.CallbackPath));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Path_of_the_configured_callback_url_is_accepted()
    {
        var client = _host.CreateClient();
        var response = await client.SendAsync(_host.SignedDelivery(TestEvents.Json(), signedPath: PublicPath));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Some_other_path_is_401()
    {
        var client = _host.CreateClient();
        var response = await client.SendAsync(_host.SignedDelivery(TestEvents.Json(), signedPath: "/elsewhere/api/payment/callback"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public void Dispose() => _host.Dispose();
}
