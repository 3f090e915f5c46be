using PaymentEvents.Protocol.Crypto;

namespace PaymentEvents.Protocol;

/// <summary>An app key pair (secret key held), used to sign and to derive the public key and DID.</summary>
public sealed class AppKey
{
    private AppKey(WalletType walletType, ISigningKey key)
    {
        WalletType = walletType;
        SigningKey = key;
        PublicKey = key.PublicKey;
        Address = WalletAlgorithm.For(walletType).Address(key.PublicKey);
    }

    /// <summary>The wallet type, which decides hash and signature scheme.</summary>
    public WalletType WalletType { get; }

    /// <summary>0x-hex secret key (64 bytes for Ed25519: seed + public key; 32 bytes for Ethereum).</summary>
    public string SecretKeyHex => Hex.EncodePrefixed(SigningKey.SecretKey);

    /// <summary>0x-hex public key (Ed25519: 32 bytes; Ethereum: 64 bytes x‖y, as <c>@ocap/mcrypto</c> writes it).</summary>
    public string PublicKeyHex => Hex.EncodePrefixed(PublicKey);

    /// <summary>
    /// The wallet's DID address, as <c>@ocap/wallet</c> computes it: for Ed25519 the base58btc
    /// ROLE_APPLICATION DID (<c>z…</c>); for Ethereum the EIP-55 checksummed <c>0x…</c> address.
    /// </summary>
    public string Address { get; }

    internal byte[] PublicKey { get; }

    internal ISigningKey SigningKey { get; }

    /// <summary>A fresh random key pair.</summary>
    public static AppKey Generate(WalletType walletType = WalletType.Arcblock) =>
        new(walletType, WalletAlgorithm.For(walletType).Generate());

    /// <summary>Parses a 0x-hex secret key. Throws <see cref="FormatException"/> naming the problem.</summary>
    /// <remarks>
    /// Ed25519 takes the SDK's 64-byte seed‖public key (the public key must match the seed) or a
    /// bare 32-byte seed. Ethereum takes 32 bytes; of a 64-byte value only the first 32 are used,
    /// as the SDK does for <c>BLOCKLET_APP_SK</c>.
    /// </remarks>
    public static AppKey FromSecretKeyHex(string hex, WalletType walletType = WalletType.Arcblock)
    {
        var bytes = Hex.DecodePrefixed(hex, "Secret key");
        try
        {
            return new AppKey(walletType, WalletAlgorithm.For(walletType).ImportSecretKey(bytes));
        }
        finally
        {
            Array.Clear(bytes);
        }
    }

    /// <summary>The public half, to trust signatures made with this key.</summary>
    public TrustedKey ToTrustedKey(string name) => new(name, WalletType, PublicKey);

    /// <inheritdoc />
    public override string ToString() => $"{WalletType} {Address}"; // never the secret
}
