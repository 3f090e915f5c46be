namespace PaymentEvents.Protocol;

/// <summary>The kind of Blocklet app wallet that signs (docs/protocol.md §3).</summary>
public enum WalletType
{
    /// <summary>The default "arcblock" wallet: Ed25519 keys, SHA3-256 message hash.</summary>
    Arcblock,

    /// <summary>The "ethereum" wallet: secp256k1 keys, Keccak-256 hash.</summary>
    Ethereum,
}

/// <summary>Reads <c>PaymentKit:WalletType</c> with the SDK's names (<c>@arcblock/did</c> <c>DidType</c>).</summary>
public static class WalletTypes
{
    /// <summary>
    /// <c>arcblock</c>/<c>default</c> (or unset) is <see cref="WalletType.Arcblock"/>; <c>ethereum</c>/<c>eth</c> is
    /// <see cref="WalletType.Ethereum"/>; case-insensitive. Anything else throws <see cref="FormatException"/> naming <paramref name="configKey"/>.
    /// </summary>
    public static WalletType Parse(string? value, string configKey = "PaymentKit:WalletType")
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v) || v.Equals("arcblock", StringComparison.OrdinalIgnoreCase) || v.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            return WalletType.Arcblock;
        }

        if (v.Equals("ethereum", StringComparison.OrdinalIgnoreCase) || v.Equals("eth", StringComparison.OrdinalIgnoreCase))
        {
            return WalletType.Ethereum;
        }

        throw new FormatException($"{configKey} must be 'arcblock' or 'ethereum' (got '{v}').");
    }

    /// <summary>The SDK's name for the type: <c>arcblock</c> or <c>ethereum</c>.</summary>
    public static string ToConfigValue(this WalletType walletType) => walletType == WalletType.Ethereum ? "ethereum" : "arcblock";
}
