using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace PaymentEvents.Protocol.Crypto;

/// <summary>The 256-bit message hashes of the two wallet types (docs/protocol.md §3).</summary>
internal static class Hashes
{
    public const int Length = 32;

    /// <summary>SHA3-256 (FIPS 202), the "arcblock" wallet's hash; the platform's when it has one.</summary>
    public static void Sha3(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (SHA3_256.IsSupported)
        {
            SHA3_256.HashData(data, destination);
            return;
        }

        var digest = new Sha3Digest(256);
        digest.BlockUpdate(data);
        digest.DoFinal(destination);
    }

    /// <summary>Keccak-256 (the pre-FIPS padding Ethereum uses), the "ethereum" wallet's hash.</summary>
    public static void Keccak(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data);
        digest.DoFinal(destination);
    }

    public static byte[] Sha3(ReadOnlySpan<byte> data)
    {
        var hash = new byte[Length];
        Sha3(data, hash);
        return hash;
    }

    public static byte[] Keccak(ReadOnlySpan<byte> data)
    {
        var hash = new byte[Length];
        Keccak(data, hash);
        return hash;
    }
}
