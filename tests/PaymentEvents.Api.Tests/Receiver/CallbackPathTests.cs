using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Proxies;
using PaymentEvents.Receiver;

namespace PaymentEvents.Api.Tests.Receiver;

/// <summary>
/// Behind a proxy that strips a prefix, the sender signed a longer path than the receiver sees (docs/protocol.md §3).
/// Accepted: the request's own path, the path of PaymentKit:CallbackUrl, and one forwarded prefix
/// (X-Forwarded-Prefix, or x-path-prefix as Blocklet Server sends it) only from a trusted proxy
/// (loopback by default, else ForwardedHeaders:KnownProxies/KnownNetworks).
/// </summary>
public sealed class CallbackPathTests : IDisposable
{
    private const string PublicPath = "/shop/payment-events/api/payment/callback";
    private const string Stranger = "203.0.113.7";

    private readonly ReceiverHost _host = new(s => s["PaymentKit:CallbackUrl"] = "https://shop.example" + PublicPath);

    [Theory]
    [InlineData("X-Forwarded-Prefix", "/pay")]
    [InlineData("x-path-prefix", "/pay/")]
    public async Task Path_signed_with_a_prefix_from_a_trusted_proxy_is_accepted(string header, string prefix)
    {
        var request = _host.SignedDelivery(TestEvents.Json(), signedPath: "/pay" + ReceiverHost.CallbackPath);
        request.Headers.Add(header, prefix);

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("X-Forwarded-Prefix", "/other")]
    [InlineData("x-path-prefix", "/other/")]
    public async Task Delivery_signed_for_another_services_callback_replayed_by_a_client_is_401(string header, string prefix)
    {
        // Payment Kit signed this for /other/api/payment/callback; an attacker replays it to us with the prefix header.
        var request = _host.SignedDelivery(TestEvents.Json(), signedPath: "/other" + ReceiverHost.CallbackPath);
        request.Headers.Add(header, prefix);
        request.Headers.Add(TestPeer.Header, Stranger);

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty((await _host.Store.ListAsync(new PaymentEvents.Storage.EventQuery(), CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Configured_proxies_replace_the_loopback_default()
    {
        using var host = new ReceiverHost(s =>
        {
            s["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5";
            s["ForwardedHeaders:KnownNetworks"] = "192.168.0.0/16, 172.16.0.0/12";
        });
        var client = host.CreateClient();

        async Task<HttpStatusCode> SendViaAsync(string? peer)
        {
            var request = host.SignedDelivery(TestEvents.Json(), signedPath: "/pay" + ReceiverHost.CallbackPath);
            request.Headers.Add("X-Forwarded-Prefix", "/pay");
            if (peer is not null)
            {
                request.Headers.Add(TestPeer.Header, peer);
            }

            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await SendViaAsync("10.0.0.5"));
        Assert.Equal(HttpStatusCode.OK, await SendViaAsync("172.20.1.2"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendViaAsync(null)); // loopback is no longer trusted
        Assert.Equal(HttpStatusCode.Unauthorized, await SendViaAsync("10.0.0.6"));
    }

    [Fact]
    public async Task Only_the_last_prefix_of_many_counts()
    {
        var client = _host.CreateClient();

        HttpRequestMessage Signed(string signedPrefix)
        {
            var request = _host.SignedDelivery(TestEvents.Json(), signedPath: signedPrefix + ReceiverHost.CallbackPath);
            for (var i = 0; i < 90; i++)
            {
                request.Headers.Add("X-Forwarded-Prefix", "/p" + i);
            }

            return request;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Signed("/p0"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Signed("/p89"))).StatusCode);
    }

    [Fact]
    public async Task Ninety_prefix_headers_from_a_trusted_proxy_cost_one_candidate_path()
    {
        var candidates = await CandidatesAsync(context =>
        {
            for (var i = 0; i < 90; i++)
            {
                context.Request.Headers.Append("X-Forwarded-Prefix", "/p" + i);
                context.Request.Headers.Append("x-path-prefix", "/q" + i + "/");
            }
        });

        Assert.Equal(["/p89" + ReceiverHost.CallbackPath, PublicPath], candidates);
    }

    [Fact]
    public async Task Prefix_headers_from_a_stranger_add_no_candidate_path()
    {
        var candidates = await CandidatesAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(Stranger);
            context.Request.Headers.Append("X-Forwarded-Prefix", "/other");
            context.Request.Headers.Append("x-path-prefix", "/other/");
        });

        Assert.Equal([PublicPath], candidates);
    }

    [Fact]
    public async Task Prefixed_path_without_the_header_is_401()
    {
        var response = await _host.CreateClient().SendAsync(_host.SignedDelivery(TestEvents.Json(), signedPath: "/pay" + ReceiverHost.CallbackPath));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Path_of_the_configured_callback_url_is_accepted()
    {
        var response = await _host.CreateClient().SendAsync(_host.SignedDelivery(TestEvents.Json(), signedPath: PublicPath));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Some_other_path_is_401()
    {
        var response = await _host.CreateClient().SendAsync(_host.SignedDelivery(TestEvents.Json(), signedPath: "/elsewhere/api/payment/callback"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The candidate paths the callback would try, after the host's own trusted-proxy step.</summary>
    private async Task<List<string>> CandidatesAsync(Action<HttpContext> arrange)
    {
        List<string>? candidates = null;
        var app = new ApplicationBuilder(_host.Services);
        app.UseTrustedProxies();
        app.Run(context =>
        {
            candidates = CallbackEndpoints.AlternatePaths(context, PublicPath);
            return Task.CompletedTask;
        });
        var context = new DefaultHttpContext { RequestServices = _host.Services };
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Request.Method = "POST";
        context.Request.Path = ReceiverHost.CallbackPath;
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget = ReceiverHost.CallbackPath;
        arrange(context);

        await app.Build()(context);

        return Assert.IsType<List<string>>(candidates);
    }

    public void Dispose() => _host.Dispose();
}
