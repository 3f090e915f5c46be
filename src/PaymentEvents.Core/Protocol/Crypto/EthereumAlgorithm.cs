using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;

namespace PaymentEvents.Protocol.Crypto;

/// <summary>
/// The "ethereum" wallet (docs/protocol.md §3), as <c>@ocap/mcrypto</c> 1.29 does it: <c>wallet.sign</c>
/// hashes with Keccak-256 (no "\x19Ethereum Signed Message" preamble: that is only <c>ethSign</c>)
/// and signs the hash with secp256k1 ECDSA, RFC 6979 nonces, low S, DER-encoded. Public keys are the
/// 64-byte uncompressed point without the 04 prefix; secret keys are 32 bytes. Verification, like
/// noble's <c>lowS: true</c>, refuses high-S signatures.
/// </summary>
internal sealed class EthereumAlgorithm : WalletAlgorithm
{
    public static readonly EthereumAlgorithm Instance = new();

    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);
    private static readonly BigInteger HalfN = Curve.N.ShiftRight(1);

    private EthereumAlgorithm()
    {
    }

    public override WalletType Type => WalletType.Ethereum;

    public override void Hash(ReadOnlySpan<byte> message, Span<byte> destination) => Hashes.Keccak(message, destination);

    public override IVerificationKey ImportPublicKey(ReadOnlySpan<byte> publicKey)
    {
        byte[] encoded = publicKey.Length switch
        {
            64 => [0x04, .. publicKey],
            65 or 33 => publicKey.ToArray(),
            _ => throw new FormatException($"A secp256k1 public key is 64 bytes (x, y), or 65/33 with a format prefix; got {publicKey.Length}."),
        };

        Org.BouncyCastle.Math.EC.ECPoint point;
        try
        {
            point = Curve.Curve.DecodePoint(encoded);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("The bytes are not a point on secp256k1.", e);
        }

        return new VerificationKey(new ECPublicKeyParameters(point, Domain));
    }

    public override ISigningKey ImportSecretKey(ReadOnlySpan<byte> secretKey)
    {
        // The SDK keeps only the first 32 bytes of a longer key (appSk.slice(0, 66)).
        if (secretKey.Length is not (32 or 64))
        {
            throw new FormatException($"A secp256k1 secret key is 32 bytes; got {secretKey.Length}.");
        }

        var d = new BigInteger(1, secretKey[..32]);
        if (d.SignValue <= 0 || d.CompareTo(Curve.N) >= 0)
        {
            throw new FormatException("The secret key is outside the secp256k1 range [1, n-1].");
        }

        return new SigningKey(d, secretKey[..32].ToArray());
    }

    public override ISigningKey Generate()
    {
        Span<byte> candidate = stackalloc byte[32];
        while (true)
        {
            RandomNumberGenerator.Fill(candidate);
            var d = new BigInteger(1, candidate);
            if (d.SignValue > 0 && d.CompareTo(Curve.N) < 0)
            {
                return new SigningKey(d, candidate.ToArray());
            }
        }
    }

    public override string Address(ReadOnlySpan<byte> publicKey)
    {
        // Checksummed (EIP-55) last 20 bytes of keccak256(x ++ y): @arcblock/did fromPublicKeyHash for Ethereum types.
        var raw = publicKey.Length == 65 ? publicKey[1..] : publicKey;
        if (raw.Length != 64)
        {
            raw = Curve.Curve.DecodePoint(publicKey.ToArray()).Normalize().GetEncoded(false).AsSpan(1);
        }

        Span<byte> hash = stackalloc byte[Hashes.Length];
        Hashes.Keccak(raw, hash);
        var lower = Convert.ToHexStringLower(hash[12..]);
        Span<byte> checksum = stackalloc byte[Hashes.Length];
        Hashes.Keccak(System.Text.Encoding.ASCII.GetBytes(lower), checksum);
        var chars = lower.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var nibble = (i % 2 == 0 ? checksum[i / 2] >> 4 : checksum[i / 2]) & 0xF;
            if (nibble > 7)
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return "0x" + new string(chars);
    }

    /// <summary>Strict DER: SEQUENCE of two INTEGERs that re-encodes to the same bytes.</summary>
    private static bool TryParseDer(ReadOnlySpan<byte> signature, out BigInteger r, out BigInteger s)
    {
        r = BigInteger.Zero;
        s = BigInteger.Zero;
        try
        {
            var bytes = signature.ToArray();
            if (Asn1Object.FromByteArray(bytes) is not Asn1Sequence { Count: 2 } seq
                || seq[0] is not DerInteger ri || seq[1] is not DerInteger si)
            {
                return false;
            }

            r = ri.PositiveValue;
            s = si.PositiveValue;
            return ri.Value.SignValue > 0 && si.Value.SignValue > 0
                && seq.GetEncoded(Asn1Encodable.Der).AsSpan().SequenceEqual(bytes);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private sealed class VerificationKey(ECPublicKeyParameters key) : IVerificationKey
    {
        public bool Verify(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature)
        {
            if (!TryParseDer(signature, out var r, out var s) || r.CompareTo(Curve.N) >= 0 || s.CompareTo(HalfN) > 0)
            {
                return false;
            }

            var verifier = new ECDsaSigner();
            verifier.Init(false, key);
            return verifier.VerifySignature(hash.ToArray(), r, s);
        }
    }

    private sealed class SigningKey : ISigningKey
    {
        private readonly ECPrivateKeyParameters _key;

        public SigningKey(BigInteger d, byte[] secretKey)
        {
            _key = new ECPrivateKeyParameters(d, Domain);
            SecretKey = secretKey;
            PublicKey = Domain.G.Multiply(d).Normalize().GetEncoded(false)[1..];
        }

        public byte[] SecretKey { get; }

        public byte[] PublicKey { get; }

        public byte[] Sign(ReadOnlySpan<byte> hash)
        {
            // RFC 6979 deterministic nonces (HMAC-SHA256), as noble-curves signs: same key + hash, same signature.
            var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
            signer.Init(true, _key);
            var rs = signer.GenerateSignature(hash.ToArray());
            var r = rs[0];
            var s = rs[1].CompareTo(HalfN) > 0 ? Curve.N.Subtract(rs[1]) : rs[1];
            return new DerSequence(new DerInteger(r), new DerInteger(s)).GetEncoded(Asn1Encodable.Der);
        }
    }
}
