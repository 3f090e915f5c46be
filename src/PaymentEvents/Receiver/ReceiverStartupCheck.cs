using Microsoft.Extensions.Hosting;
using PaymentEvents.Protocol;

namespace PaymentEvents.Receiver;

/// <summary>
/// Builds the verifier while the host starts, so bad keys (or no key outside Development)
/// stop startup with a message naming the configuration key instead of failing the first delivery.
/// </summary>
internal sealed class ReceiverStartupCheck(ReceiverContext receiver, KeyRing keys) : IHostedService
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
