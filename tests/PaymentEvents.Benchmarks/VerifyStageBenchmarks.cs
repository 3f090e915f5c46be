using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using PaymentEvents.Protocol;
using PaymentEvents.Protocol.Json;

namespace PaymentEvents.Benchmarks;

/// <summary>
/// The stages of <see cref="SignatureVerifier.Verify"/> on the same ~3 KB event, to see where time goes
/// beyond the Ed25519 floor (<see cref="VerifyBenchmarks"/>): canonical JSON of the body, and SHA3-256 of
/// the signed text.
/// </summary>
[MemoryDiagnoser]
public class VerifyStageBenchmarks
{
    private byte[] _body = null!;
    private byte[] _canonical = null!;
    private readonly byte[] _hash = new byte[32];

    [GlobalSetup]
    public void Setup()
    {
        _body = SampleEvent.Create();
        _canonical = CanonicalJson.ToCanonicalBytes(_body);
    }

    [Benchmark(Description = "canonical JSON of the 3 KB body")]
    public byte[] Canonicalize() => CanonicalJson.ToCanonicalBytes(_body);

    [Benchmark(Description = "V1 signed text: body, exp, iat, method, query, url")]
    public int SignedText()
    {
        using var buffer = new PooledByteBuffer(_body.Length + 256);
        V1Message.TryWritePrefix(buffer, _body, 1_800_000_300, 1_800_000_000, "POST", null);
        V1Message.WritePath(buffer, buffer.Length, "/api/payment/callback");
        return buffer.Length;
    }

    [Benchmark(Description = "SHA3-256 of the canonical text")]
    public byte[] Sha3()
    {
        SHA3_256.HashData(_canonical, _hash);
        return _hash;
    }
}
