using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Receiver;

/// <summary>
/// Builds the one <see cref="SignatureVerifier"/> the callback uses, from <c>PaymentKit:*</c> and
/// <c>Webhooks:*</c> (docs/protocol.md §3). Bad configuration throws an <see cref="OptionsValidationException"/>
/// naming the key, and it is resolved during startup (see <see cref="ReceiverStartupCheck"/>).
/// </summary>
internal static class VerifierFactory
{
    /// <summary>
    /// The trusted keys: AppPk (or the key derived from AppSk), then TrustedKeys in order
    /// (<see cref="KeyRing.FromConfiguration"/>); in Development with none configured, the development key.
    /// </summary>
    public static KeyRing CreateKeyRing(
        PaymentKitOptions paymentKit,
        IHostEnvironment environment,
        Func<TrustedKey?>? developmentKey = null)
    {
        try
        {
            var walletType = paymentKit.ParsedWalletType;
            var configured = !string.IsNullOrWhiteSpace(paymentKit.AppPk)
                || !string.IsNullOrWhiteSpace(paymentKit.AppSk)
                || paymentKit.TrustedKeys.Any(k => !string.IsNullOrWhiteSpace(k));
            if (!configured && environment.IsDevelopment() && developmentKey?.Invoke() is { } devKey)
            {
                return new KeyRing([devKey]);
            }

            return KeyRing.FromConfiguration(walletType, paymentKit.AppPk?.Trim(), paymentKit.TrustedKeys.Select(k => k?.Trim()), paymentKit.AppSk?.Trim());
        }
        catch (FormatException ex)
        {
            // The messages name the key (PaymentKit:AppPk, PaymentKit:TrustedKeys:1, ...) and never echo a secret.
            throw new OptionsValidationException(PaymentKitOptions.SectionName, typeof(PaymentKitOptions), [ex.Message]);
        }
    }

    public static SignatureVerifier CreateVerifier(KeyRing keys, WebhookOptions webhooks, TimeProvider timeProvider)
    {
        var options = new SignatureVerifierOptions
        {
            AllowV0 = webhooks.AllowV0Signatures,
            ClockSkew = webhooks.ClockSkew,
            MaxValidity = webhooks.MaxValidity,
            MaxClockAhead = webhooks.MaxClockAhead,
        };
        return new SignatureVerifier(keys, options, timeProvider);
    }

}
