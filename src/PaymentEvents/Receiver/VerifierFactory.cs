using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Receiver;

/// <summary>
/// Builds the one <see cref="SignatureVerifier"/> the callback uses, from <c>PaymentKit:*</c> and
/// <c>Webhooks:*</c> (PROTOCOL §3). Bad configuration throws an <see cref="OptionsValidationException"/>
/// naming the key, and it is resolved during startup (see <see cref="ReceiverStartupCheck"/>).
/// </summary>
internal static class VerifierFactory
{
    /// <summary>The trusted keys: AppPk (or the key derived from AppSk), then TrustedKeys in order.</summary>
    public static KeyRing CreateKeyRing(
        PaymentKitOptions paymentKit,
        IHostEnvironment environment,
        Func<TrustedKey?>? developmentKey = null)
    {
        var walletType = ParseWalletType(paymentKit.WalletType);
        var keys = CollectKeys(paymentKit, walletType);

        if (keys.Count == 0 && environment.IsDevelopment() && developmentKey?.Invoke() is { } devKey)
        {
            keys.Add(devKey);
        }

        if (keys.Count == 0)
        {
            Fail($"{PaymentKitOptions.SectionName}:AppPk is required: set it to Payment Kit's app public key (0x hex), "
                + $"or set {PaymentKitOptions.SectionName}:AppSk or {PaymentKitOptions.SectionName}:TrustedKeys. "
                + "Without a key no delivery can be verified.");
        }

        return new KeyRing(keys);
    }

    public static SignatureVerifier CreateVerifier(KeyRing keys, WebhookOptions webhooks, TimeProvider timeProvider)
    {
        var options = new SignatureVerifierOptions
        {
            AllowV0 = webhooks.AllowV0Signatures,
            ClockSkew = webhooks.ClockSkew,
        };
        return new SignatureVerifier(keys, options, timeProvider);
    }

    internal static WalletType ParseWalletType(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "ARCBLOCK" => WalletType.Arcblock,
        "ETHEREUM" => WalletType.Ethereum,
        _ => throw Failure($"{PaymentKitOptions.SectionName}:WalletType must be 'arcblock' or 'ethereum' (got '{value}')."),
    };

    private static List<TrustedKey> CollectKeys(PaymentKitOptions paymentKit, WalletType walletType)
    {
        List<TrustedKey> keys = [];
        if (!string.IsNullOrWhiteSpace(paymentKit.AppPk))
        {
            keys.Add(ParsePublicKey($"{PaymentKitOptions.SectionName}:AppPk", paymentKit.AppPk, walletType));
        }
        else if (!string.IsNullOrWhiteSpace(paymentKit.AppSk))
        {
            // INTERFACE.md: when AppPk is unset, the public key is derived from AppSk.
            const string name = $"{PaymentKitOptions.SectionName}:AppSk";
            try
            {
                keys.Add(AppKey.FromSecretKeyHex(paymentKit.AppSk.Trim(), walletType).ToTrustedKey(name));
            }
            catch (FormatException ex)
            {
                // The message of the inner exception never contains the secret itself.
                Fail($"{name} is not a valid {walletType} secret key: {ex.Message}");
            }
        }

        for (var i = 0; i < paymentKit.TrustedKeys.Count; i++)
        {
            var hex = paymentKit.TrustedKeys[i];
            var name = $"{PaymentKitOptions.SectionName}:TrustedKeys:{i}";
            if (string.IsNullOrWhiteSpace(hex))
            {
                Fail($"{name} is empty: remove it or set a 0x-hex public key.");
            }

            keys.Add(ParsePublicKey(name, hex, walletType));
        }

        return keys;
    }

    private static TrustedKey ParsePublicKey(string name, string hex, WalletType walletType)
    {
        try
        {
            return TrustedKey.FromHex(name, hex.Trim(), walletType);
        }
        catch (FormatException ex)
        {
            throw Failure($"{name} is not a valid {walletType} public key ('{hex}'): {ex.Message}");
        }
    }

    private static OptionsValidationException Failure(string message) =>
        new(PaymentKitOptions.SectionName, typeof(PaymentKitOptions), [message]);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string message) => throw Failure(message);
}
