using NSec.Cryptography;
using SimpleBase;

namespace PaymentEvents.Protocol.Crypto;

/// <summary>
/// The default "arcblock" wallet (docs/protocol.md §3): Ed25519 over SHA3-256(message). Secret keys are
/// 64 bytes, seed then public key (<c>@ocap/mcrypto</c> <c>signer/ed25519</c>); a bare 32-byte seed
/// is accepted too. The address is the ROLE_APPLICATION DID (<c>@arcblock/did</c> <c>fromPublicKey</c>).
/// </summary>
internal sealed class ArcblockAlgorithm : WalletAlgorithm
{
    public static readonly ArcblockAlgorithm Instance = new();

    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    // DidType bits role(6)|key(5)|hash(5): ROLE_APPLICATION = 3, ED25519 = 0, SHA3 = 1 -> 0x0C01.
    private static ReadOnlySpan<byte> ApplicationTypeBytes => [0x0C, 0x01];

    private ArcblockAlgorithm()
    {
    }

    public override WalletType Type => WalletType.Arcblock;

    public override void Hash(ReadOnlySpan<byte> message, Span<byte> destination) => Hashes.Sha3(message, destination);

    public override IVerificationKey ImportPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 32)
        {
            throw new FormatException($"An Ed25519 public key is 32 bytes; got {publicKey.Length}.");
        }

        if (!PublicKey.TryImport(Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            throw new FormatException("The bytes are not a valid Ed25519 public key.");
        }

        return new VerificationKey(key);
    }

    public override ISigningKey ImportSecretKey(ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length is not (32 or 64))
        {
            throw new FormatException($"An Ed25519 secret key is 64 bytes (seed + public key) or a 32-byte seed; got {secretKey.Length}.");
        }

        var key = Key.Import(Ed25519, secretKey[..32], KeyBlobFormat.RawPrivateKey);
        var signing = new SigningKey(key, secretKey[..32]);
        if (secretKey.Length == 64 && !secretKey[32..].SequenceEqual(signing.PublicKey))
        {
            key.Dispose();
            throw new FormatException("The secret key's last 32 bytes are not the public key of its seed.");
        }

        return signing;
    }

    public override ISigningKey Generate()
    {
        using var key = new Key(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var seed = key.Export(KeyBlobFormat.RawPrivateKey);
        return ImportSecretKey(seed);
    }

    public override string Address(ReadOnlySpan<byte> publicKey)
    {
        // did = base58btc(type(2) ++ sha3(pk)[0..20] ++ sha3(type ++ sha3(pk)[0..20])[0..4]), multibase 'z'.
        Span<byte> pkHash = stackalloc byte[Hashes.Length];
        Hashes.Sha3(publicKey, pkHash);
        Span<byte> did = stackalloc byte[26];
        ApplicationTypeBytes.CopyTo(did);
        pkHash[..20].CopyTo(did[2..]);
        Span<byte> checksum = stackalloc byte[Hashes.Length];
        Hashes.Sha3(did[..22], checksum);
        checksum[..4].CopyTo(did[22..]);
        return "z" + Base58.Bitcoin.Encode(did);
    }

    private sealed class VerificationKey(PublicKey key) : IVerificationKey
    {
        public bool Verify(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature) =>
            signature.Length == Ed25519.SignatureSize && Ed25519.Verify(key, hash, signature);
    }

    private sealed class SigningKey : ISigningKey
    {
        private readonly Key _key;

        public SigningKey(Key key, ReadOnlySpan<byte> seed)
        {
            _key = key;
            PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
            SecretKey = [.. seed, .. PublicKey];
        }

        public byte[] SecretKey { get; }

        public byte[] PublicKey { get; }

        public byte[] Sign(ReadOnlySpan<byte> hash) => Ed25519.Sign(_key, hash);
    }
}
