namespace PaymentEvents.Protocol;

/// <summary>The kind of Blocklet app wallet that signs (PROTOCOL §3).</summary>
public enum WalletType
{
    /// <summary>The default "arcblock" wallet: Ed25519 keys, SHA3-256 message hash.</summary>
    Arcblock,

    /// <summary>The "ethereum" wallet: secp256k1 keys, Keccak-256 hash.</summary>
    Ethereum,
}
