using Microsoft.Extensions.Time.Testing;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Crypto.EC;
using PaymentEvents.Protocol;

namespace PaymentEvents.Tests.Protocol;

// @ocap/mcrypto verifies secp256k1 with noble's lowS: true and strict DER; the port must refuse what it refuses.
public sealed class EthereumSignatureTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    private (SignatureVerifier Verifier, SignedRequest Request) Signed()
    {
        var key = AppKey.Generate(WalletType.Ethereum);
        var body = "{\"id\":\"evt_1\"}"u8.ToArray();
        var headers = new RequestSigner(key, _time).SignV1("POST", "/cb", null, body);
        var verifier = new SignatureVerifier(new KeyRing([key.ToTrustedKey("eth")]), new SignatureVerifierOptions(), _time);
        return (verifier, new SignedRequest("POST", "/cb", null, body, headers));
    }

    private static string Reencode(string signatureHex, Func<DerInteger, DerInteger, Asn1Encodable[]> change)
    {
        var seq = (Asn1Sequence)Asn1Object.FromByteArray(Convert.FromHexString(signatureHex[2..]));
        return "0x" + Convert.ToHexStringLower(new DerSequence(change((DerInteger)seq[0], (DerInteger)seq[1])).GetEncoded());
    }

    [Fact]
    public void A_low_S_DER_signature_verifies()
    {
        var (verifier, request) = Signed();
        Assert.Equal(VerificationStatus.Valid, verifier.Verify(request).Status);
    }

    [Fact]
    public void The_high_S_twin_of_a_valid_signature_is_refused()
    {
        var (verifier, request) = Signed();
        var n = CustomNamedCurves.GetByName("secp256k1").N;
        var highS = Reencode(request.Headers.Signature!, (r, s) => [r, new DerInteger(n.Subtract(s.PositiveValue))]);
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, verifier.Verify(request with { Headers = request.Headers with { Signature = highS } }).Status);
    }

    [Fact]
    public void Swapped_or_trailing_garbage_DER_is_refused()
    {
        var (verifier, request) = Signed();
        var swapped = Reencode(request.Headers.Signature!, (r, s) => [s, r]);
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, verifier.Verify(request with { Headers = request.Headers with { Signature = swapped } }).Status);
        var trailing = request.Headers.Signature + "00";
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, verifier.Verify(request with { Headers = request.Headers with { Signature = trailing } }).Status);
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, verifier.Verify(request with { Headers = request.Headers with { Signature = "0x3000" } }).Status);
    }
}
