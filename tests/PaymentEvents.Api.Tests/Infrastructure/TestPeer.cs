using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>
/// TestServer has no TCP peer (RemoteIpAddress is null, which the forwarded-headers middleware lets through).
/// This gives every request a peer address as Kestrel would: the one in <see cref="Header"/>, else loopback.
/// It runs before the host's pipeline, so the trusted-proxy check sees it.
/// </summary>
internal sealed class TestPeer : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(Header, out var peer)
                ? IPAddress.Parse(peer.ToString())
                : IPAddress.Loopback;
            context.Request.Headers.Remove(Header);
            return nextMiddleware(context);
        });
        next(app);
    };
}
