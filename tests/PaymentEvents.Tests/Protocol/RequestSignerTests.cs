using System.Text;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Protocol;

namespace PaymentEvents.Tests.Protocol;

public sealed class RequestSignerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_750);

    [Fact]
    public void SignV1_writes_the_sdk_headers_with_whole_second_times()
    {
        var signer = new RequestSigner(AppKey.Generate(), new FakeTimeProvider(Now));
        var headers = signer.SignV1("POST", "/api/x", null, "{}"u8, componentDid: "z8iZcomponent");
        Assert.Equal("1800000000", headers.IssuedAt); // Math.floor(Date.now() / 1000)
        Assert.Equal("1800000300", headers.ExpiresAt);
        Assert.Equal("1", headers.Version);
        Assert.Equal("z8iZcomponent", headers.ComponentDid);
        Assert.Matches("^0x[0-9a-f]{128}$", headers.Signature);
    }

    [Fact]
    public void SignV1_honours_a_custom_validity()
    {
        var signer = new RequestSigner(AppKey.Generate(), new FakeTimeProvider(Now));
        var headers = signer.SignV1("GET", "/api/x", "a=1", [], TimeSpan.FromSeconds(60));
        Assert.Equal("1800000060", headers.ExpiresAt);
    }

    [Fact]
    public void Ethereum_signatures_are_DER()
    {
        var signer = new RequestSigner(AppKey.Generate(WalletType.Ethereum), new FakeTimeProvider(Now));
        var signature = signer.SignV1("POST", "/api/x", null, "{\"a\":1}"u8).Signature!;
        Assert.StartsWith("0x30", signature, StringComparison.Ordinal);
        Assert.InRange(signature.Length, 2 + (2 * 8), 2 + (2 * 72));
    }

    [Fact]
    public void Signing_a_body_that_is_not_JSON_throws()
    {
        var signer = new RequestSigner(AppKey.Generate(), new FakeTimeProvider(Now));
        Assert.Throws<FormatException>(() => signer.SignV1("POST", "/api/x", null, "nope"u8));
        Assert.Throws<FormatException>(() => signer.SignV0("{"u8));
    }

    [Fact]
    public void SignV0_sets_only_the_signature()
    {
        var signer = new RequestSigner(AppKey.Generate(), new FakeTimeProvider(Now));
        var headers = signer.SignV0(Encoding.UTF8.GetBytes("{\"b\":1,\"a\":2}"));
        Assert.NotNull(headers.Signature);
        Assert.Null(headers.IssuedAt);
        Assert.Null(headers.ExpiresAt);
        Assert.Null(headers.Version);
    }

    [Fact]
    public void Ed25519_signing_is_deterministic_and_covers_the_time()
    {
        var key = AppKey.Generate();
        var time = new FakeTimeProvider(Now);
        var signer = new RequestSigner(key, time);
        var first = signer.SignV1("POST", "/api/x", null, "{}"u8).Signature;
        Assert.Equal(first, signer.SignV1("POST", "/api/x", null, "{ }"u8).Signature);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotEqual(first, signer.SignV1("POST", "/api/x", null, "{}"u8).Signature);
    }
}
