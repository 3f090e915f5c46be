namespace PaymentEvents.Protocol.Crypto;

/// <summary>A public key ready to check signatures over a 32-byte message hash.</summary>
internal interface IVerificationKey
{
    bool Verify(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature);
}

/// <summary>A secret key that signs 32-byte message hashes.</summary>
internal interface ISigningKey
{
    /// <summary>The secret key as the SDK writes it (<c>BLOCKLET_APP_SK</c>).</summary>
    byte[] SecretKey { get; }

    byte[] PublicKey { get; }

    byte[] Sign(ReadOnlySpan<byte> hash);
}

/// <summary>
/// What differs between wallet types (docs/protocol.md §3): the message hash, the signature scheme and
/// encoding, key formats, and the DID address. <c>@ocap/wallet</c> signs <c>hash(utf8(CANON))</c>
/// (<c>hashBeforeSign</c> defaults to true), so both schemes sign a 32-byte hash.
/// </summary>
internal abstract class WalletAlgorithm
{
    /// <summary>Longest signature accepted, in bytes (Ed25519: 64; DER ECDSA: at most 72).</summary>
    public const int MaxSignatureLength = 80;

    public abstract WalletType Type { get; }

    public static WalletAlgorithm For(WalletType type) => type switch
    {
        WalletType.Arcblock => ArcblockAlgorithm.Instance,
        WalletType.Ethereum => EthereumAlgorithm.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown wallet type."),
    };

    public abstract void Hash(ReadOnlySpan<byte> message, Span<byte> destination);

    /// <summary>Parses a public key; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public abstract IVerificationKey ImportPublicKey(ReadOnlySpan<byte> publicKey);

    /// <summary>Parses a secret key; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public abstract ISigningKey ImportSecretKey(ReadOnlySpan<byte> secretKey);

    public abstract ISigningKey Generate();

    /// <summary>The DID address <c>@ocap/wallet</c> derives from the public key for this wallet type.</summary>
    public abstract string Address(ReadOnlySpan<byte> publicKey);
}
