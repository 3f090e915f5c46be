namespace PaymentEvents.Protocol;

/// <summary>The set of keys tried in order; rotation adds a key here before the sender switches.</summary>
public sealed class KeyRing
{
    /// <summary>Creates a ring from keys tried in the given order.</summary>
    public KeyRing(IEnumerable<TrustedKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = [.. keys];
        HasArcblock = Keys.Any(k => k.WalletType == WalletType.Arcblock);
        HasEthereum = Keys.Any(k => k.WalletType == WalletType.Ethereum);
    }

    /// <summary>The keys, in the order they are tried.</summary>
    public IReadOnlyList<TrustedKey> Keys { get; }

    internal bool HasArcblock { get; }

    internal bool HasEthereum { get; }

    /// <summary>
    /// The ring the configuration describes (docs/configuration.md): <c>PaymentKit:AppPk</c> first (or, when unset,
    /// the public key of <c>PaymentKit:AppSk</c>), then each of <c>PaymentKit:TrustedKeys</c>.
    /// Throws <see cref="FormatException"/> naming the key that is malformed, or when no key is configured.
    /// </summary>
    public static KeyRing FromConfiguration(WalletType walletType, string? appPk, IEnumerable<string?>? trustedKeys = null, string? appSk = null)
    {
        var keys = new List<TrustedKey>();
        if (!string.IsNullOrWhiteSpace(appPk))
        {
            keys.Add(TrustedKey.FromHex("PaymentKit:AppPk", appPk, walletType));
        }
        else if (!string.IsNullOrWhiteSpace(appSk))
        {
            AppKey key;
            try
            {
                key = AppKey.FromSecretKeyHex(appSk, walletType);
            }
            catch (FormatException e)
            {
                throw new FormatException($"PaymentKit:AppSk: {e.Message}", e);
            }

            keys.Add(key.ToTrustedKey("PaymentKit:AppSk"));
        }

        var index = 0;
        foreach (var hex in trustedKeys ?? [])
        {
            if (!string.IsNullOrWhiteSpace(hex))
            {
                keys.Add(TrustedKey.FromHex($"PaymentKit:TrustedKeys:{index}", hex, walletType));
            }

            index++;
        }

        if (keys.Count == 0)
        {
            throw new FormatException("No key to verify deliveries with: set PaymentKit:AppPk (Payment Kit's app public key, 0x hex).");
        }

        return new KeyRing(keys);
    }
}
