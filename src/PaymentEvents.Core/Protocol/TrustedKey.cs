using PaymentEvents.Protocol.Crypto;

namespace PaymentEvents.Protocol;

/// <summary>A public key trusted to sign deliveries.</summary>
public sealed class TrustedKey
{
    /// <summary>Creates a trusted key; throws <see cref="FormatException"/> when the key is not valid for the wallet type.</summary>
    public TrustedKey(string name, WalletType walletType, byte[] publicKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(publicKey);
        Name = name;
        WalletType = walletType;
        PublicKey = publicKey.ToArray();
        Algorithm = WalletAlgorithm.For(walletType);
        VerificationKey = Algorithm.ImportPublicKey(PublicKey);
    }

    /// <summary>Label for logs and results (e.g. "AppPk", "TrustedKeys[0]").</summary>
    public string Name { get; }

    /// <summary>The wallet type, which decides hash and signature scheme.</summary>
    public WalletType WalletType { get; }

    /// <summary>The raw public key (32 bytes Ed25519; 64 bytes secp256k1 x‖y).</summary>
    public byte[] PublicKey { get; }

    /// <summary>The public key as 0x-hex, lower case.</summary>
    public string PublicKeyHex => Hex.EncodePrefixed(PublicKey);

    internal WalletAlgorithm Algorithm { get; }

    internal IVerificationKey VerificationKey { get; }

    /// <summary>Parses a <c>0x</c>-hex public key. Throws <see cref="FormatException"/> naming the problem.</summary>
    public static TrustedKey FromHex(string name, string hex, WalletType walletType)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return new TrustedKey(name, walletType, Hex.DecodePrefixed(hex, $"Public key '{name}'"));
        }
        catch (FormatException e) when (!e.Message.StartsWith("Public key", StringComparison.Ordinal))
        {
            throw new FormatException($"Public key '{name}' ({walletType}): {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({WalletType} {PublicKeyHex})";
}
