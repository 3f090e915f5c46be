using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;
using PaymentEvents.Storage;

namespace PaymentEvents.Receiver;

/// <summary>
/// Builds the verifier while the host starts, so bad keys (or no key outside Development)
/// stop startup with a message naming the configuration key instead of failing the first delivery.
/// With the development key, says once the server listens how to send it a test event at its real address.
/// </summary>
internal sealed class ReceiverStartupCheck(ReceiverContext receiver, KeyRing keys, IServiceProvider services) : IHostedLifecycleService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ReceiverLog.Started(
            receiver.Logger,
            receiver.Options.Path,
            keys.Keys.Count,
            receiver.KeyNames,
            receiver.Options.AllowV0Signatures ? "accepted (Webhooks:AllowV0Signatures)" : "refused");
        return Task.CompletedTask;
    }

    /// <summary>After every hosted service (the web server among them) started: the addresses are bound now.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var paymentKit = services.GetRequiredService<IOptions<PaymentKitOptions>>().Value;
        if (!DevelopmentKeyStore.ShouldUse(environment, paymentKit)
            || services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is not { } address)
        {
            return Task.CompletedTask;
        }

        // Kestrel reports wildcards as given ("http://[::]:5000", "http://+:80"); the tool calls it on loopback.
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "[::]" or "0.0.0.0" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }

        uri.Path = receiver.Options.Path;
        var dataDir = Path.GetFullPath(services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDir);
        var callbackUrl = uri.Uri.AbsoluteUri;
        ReceiverLog.TriggerHint(receiver.Logger, dataDir, callbackUrl);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
