using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>
/// The real host on a real Kestrel socket on 127.0.0.1 (not the TestServer), for tests where the framing matters:
/// chunked bodies, slow bodies, raw bytes. Logs go to a <see cref="FakeLogCollector"/> instead of Serilog.
/// </summary>
public sealed class KestrelReceiver : IDisposable
{
    private KestrelReceiver(ReceiverHost host)
    {
        Host = host;
        Host.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Host.StartServer();
        var address = Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
        Logs = Host.Services.GetRequiredService<FakeLogCollector>();
    }

    public ReceiverHost Host { get; }

    public int Port { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>Starts a host with these settings (e.g. PostgreSQL storage) listening on a free loopback port.</summary>
    public static KestrelReceiver Start(Action<Dictionary<string, string?>>? settings = null, LogLevel minimumLevel = LogLevel.Information) =>
        new(new ReceiverHost(settings, services =>
        {
            // Serilog's factory ignores other providers: use a plain one that writes to the collector.
            services.RemoveAll<ILoggerFactory>();
            services.AddLogging(b => b.ClearProviders().AddFakeLogging().SetMinimumLevel(minimumLevel));
        }));

    public RawHttp Raw() => new(Port);

    public HttpClient CreateClient() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };

    public void Dispose() => Host.Dispose();
}
