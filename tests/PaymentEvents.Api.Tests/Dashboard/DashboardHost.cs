using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Handlers;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Dashboard;

/// <summary>
/// The real host on Kestrel (127.0.0.1, a free port) so a browser can reach it, optionally under a path base
/// (what a proxy prefix becomes), with a read-only key and a handler the test can make fail.
/// </summary>
public sealed class DashboardHost : IDisposable
{
    public const string ReadOnlyKey = "test-read-only-key-0123456789";
    public const string FailingType = SwitchableHandler.FailingType;

    public DashboardHost(string pathBase = "")
    {
        PathBase = pathBase;
        Host = new ReceiverHost(
            s =>
            {
                s["Admin:ReadOnlyApiKey"] = ReadOnlyKey;
                s["Processing:MaxAttempts"] = "1";
            },
            services =>
            {
                services.AddSingleton<FailureSwitch>();
                services.AddPaymentEventHandlers([typeof(SwitchableHandler)]);
                if (pathBase.Length > 0)
                {
                    services.AddSingleton<IStartupFilter>(new PathBaseFilter(pathBase));
                }
            });
        Host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Host.StartServer();
        var address = Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Origin = address.TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(Origin + pathBase + "/") };
    }

    public ReceiverHost Host { get; }

    public string PathBase { get; }

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public string Origin { get; }

    /// <summary>The dashboard's public URL: origin + path base + <c>/dashboard</c>.</summary>
    public string Dashboard => Origin + PathBase + "/dashboard";

    /// <summary>A client on the real socket, for signed deliveries.</summary>
    public HttpClient Http { get; }

    public FailureSwitch Failures => Host.Services.GetRequiredService<FailureSwitch>();

    /// <summary>Delivers a signed event over the socket; the signature covers the public path.</summary>
    public async Task<string> DeliverAsync(string type = "invoice.paid", string? objectId = null, bool livemode = false)
    {
        var id = TestEvents.NewId();
        using var request = Host.SignedDelivery(TestEvents.Json(id, type, objectId, livemode), path: PathBase + ReceiverHost.CallbackPath);
        request.RequestUri = new Uri(Origin + PathBase + ReceiverHost.CallbackPath);
        using var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return id;
    }

    public Task WaitStatusAsync(string id, EventStatus status) => Poll.UntilAsync(
        async () => (await Host.Store.GetAsync(id, CancellationToken.None))?.Status == status,
        what: $"{id} {status}");

    public void Dispose()
    {
        Http.Dispose();
        Host.Dispose();
    }

    private sealed class PathBaseFilter(string pathBase) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UsePathBase(pathBase);
            next(app);
        };
    }
}
