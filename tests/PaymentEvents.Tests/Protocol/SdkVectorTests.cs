using System.Text;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Protocol;

namespace PaymentEvents.Tests.Protocol;

/// <summary>
/// Requests signed once by the real <c>@blocklet/sdk@1.17.12</c> <c>getSignData</c> (and <c>wallet.sign</c>
/// for V0) with fixed keys, pasted here. The interop suite has hundreds more; these pin the basics in
/// the fast unit tests. Clocks are pinned to each vector's iat.
/// </summary>
public sealed class SdkVectorTests
{
    // Ed25519 key from Signer.Ed25519.genKeyPair('hex', Buffer.alloc(32, 7)); BLOCKLET_APP_SK form (seed ‖ pk).
    internal const string EdSecretKey = "0x0707070707070707070707070707070707070707070707070707070707070707ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c";
    internal const string EdPublicKey = "0xea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c";
    internal const string EdAddress = "zNKhfht9vBXct2XNwKKWTJmvfxojJFkUotmS";

    // fromSecretKey('0x0b…0b', 'ethereum').
    internal const string EthSecretKey = "0x0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b";
    internal const string EthPublicKey = "0x552c630b64b54bf50210c9e253d38bd4949c72e22873500f6285c2bede312a84e3ca35a0c8c0cf4c40398e720377e1ee09c7a6b0fd05683d5fe02d8f68231466";
    internal const string EthAddress = "0xf288ECAF15790EfcAc528946963A6Db8c3f8211d";

    // JSON.stringify(event) as the sender posts it (note the literal U+2028 and the big number).
    internal const string EventBody = "{\"id\":\"evt_T2UiJ2VHUxVo3J6BuULkrp15\",\"type\":\"customer.subscription.renewed\",\"livemode\":true,\"data\":{\"object\":{\"id\":\"sub_1\",\"amount\":\"1000000000000000000\",\"ratio\":0.1,\"big\":12345678901234567000,\"note\":\"café <b> & \u2028 😀\"}},\"created_at\":\"2025-02-19T03:46:42.662Z\"}";

    private const long Iat = 1795775163;

    private static SignatureVerifier Verifier(long now, TrustedKey key, SignatureVerifierOptions? options = null) =>
        new(new KeyRing([key]), options ?? new SignatureVerifierOptions(), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));

    private static TrustedKey Ed => TrustedKey.FromHex("AppPk", EdPublicKey, WalletType.Arcblock);

    private static TrustedKey Eth => TrustedKey.FromHex("AppPkEth", EthPublicKey, WalletType.Ethereum);

    private const string SigA = "0x9ec83a6c5432187bef741105d7289053d958c9daade09e9fca5bd25f35fd72272074657518a22a69a4be57d823a3bf01d1c37a3b229a3cceda3b84b519b2c906";
    private const string SigC = "0x3045022100a216a45bf93a59afb8ad310bf133e0d3a3d549fd5946272dae798a7f616ba22202202d020bd64ab056c3f7057ed3b125a1d28d4993d2542609bef6f229c8d9147016";

    [Fact]
    public void Ed25519_event_delivery_signed_by_the_sdk_verifies()
    {
        var request = new SignedRequest("POST", "/api/payment/callback", null, Encoding.UTF8.GetBytes(EventBody),
            new SignatureHeaders(SigA, "1795775163", "1795775463", "1", "z8iZ..."));
        var result = Verifier(Iat + 5, Ed).Verify(request);
        Assert.Equal(VerificationStatus.Valid, result.Status);
        Assert.Equal(SignatureVersion.V1, result.Version);
        Assert.Equal("AppPk", result.MatchedKey?.Name);
        Assert.Equal("/api/payment/callback", result.MatchedPath);
    }

    [Fact]
    public void Our_signer_reproduces_the_sdk_signature_byte_for_byte()
    {
        var signer = new RequestSigner(AppKey.FromSecretKeyHex(EdSecretKey), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Iat)));
        var headers = signer.SignV1("POST", "/api/payment/callback", null, Encoding.UTF8.GetBytes(EventBody));
        Assert.Equal(SigA, headers.Signature);
        Assert.Equal("1795775163", headers.IssuedAt);
        Assert.Equal("1795775463", headers.ExpiresAt);

        var eth = new RequestSigner(AppKey.FromSecretKeyHex(EthSecretKey, WalletType.Ethereum), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Iat)));
        Assert.Equal(SigC, eth.SignV1("POST", "/api/payment/callback", null, Encoding.UTF8.GetBytes(EventBody)).Signature);
    }

    [Fact]
    public void A_reserialised_body_still_verifies_and_a_changed_value_does_not()
    {
        var reordered = "{ \"created_at\" : \"2025-02-19T03:46:42.662Z\", \"livemode\": true, \"type\":\"customer.subscription.renewed\",\n \"id\":\"evt_T2UiJ2VHUxVo3J6BuULkrp15\", \"data\":{\"object\":{\"note\":\"caf\\u00e9 \\u003cb> & \\u2028 \\ud83d\\ude00\",\"big\":1.2345678901234567e19,\"ratio\":1e-1,\"amount\":\"1000000000000000000\",\"id\":\"sub_1\"}}}";
        var headers = new SignatureHeaders(SigA, "1795775163", "1795775463", "1");
        Assert.Equal(VerificationStatus.Valid, Verifier(Iat, Ed).Verify(new SignedRequest("POST", "/api/payment/callback", null, Encoding.UTF8.GetBytes(reordered), headers)).Status);

        var changed = EventBody.Replace("1000000000000000000", "1000000000000000001", StringComparison.Ordinal);
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched,
            Verifier(Iat, Ed).Verify(new SignedRequest("POST", "/api/payment/callback", null, Encoding.UTF8.GetBytes(changed), headers)).Status);
    }

    [Fact]
    public void Component_call_with_query_and_empty_body_signed_by_the_sdk_verifies()
    {
        // getSignData({ method: 'GET', url: '…/api/webhook-endpoints?page=1&size=100', params: { livemode: true } }):
        // the SDK signs query {"livemode":"true","page":"1","size":"100"} and body {}.
        const string sig = "0xc19a0c62a8dc95cc2c8028b1970d7f1ebcebb2121ee64cfc154476750544dee6c9cc4b651fe0ac2af71a5b97060b8a5f5d19c60475cdb7a4d89366c868f02707";
        var headers = new SignatureHeaders(sig, "1795775163", "1795775463", "1");
        var request = new SignedRequest("GET", "/api/webhook-endpoints", "page=1&size=100&livemode=true", ReadOnlyMemory<byte>.Empty, headers);
        Assert.Equal(VerificationStatus.Valid, Verifier(Iat, Ed).Verify(request).Status);
        Assert.Equal(VerificationStatus.Valid, Verifier(Iat, Ed).Verify(request with { Body = "{}"u8.ToArray() }).Status);
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Verifier(Iat, Ed).Verify(request with { QueryString = "page=1&size=100&livemode=false" }).Status);
    }

    [Fact]
    public void Ethereum_delivery_signed_by_the_sdk_verifies()
    {
        var request = new SignedRequest("POST", "/api/payment/callback", null, Encoding.UTF8.GetBytes(EventBody),
            new SignatureHeaders(SigC, "1795775163", "1795775463", "1"));
        var result = Verifier(Iat, Eth).Verify(request);
        Assert.Equal(VerificationStatus.Valid, result.Status);
        Assert.Equal(WalletType.Ethereum, result.MatchedKey?.WalletType);
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Verifier(Iat, Ed).Verify(request).Status);
    }

    [Fact]
    public void Delivery_signed_for_the_public_path_verifies_through_an_alternate_path()
    {
        // Signed for https://shop.example/pay/api/payment/callback; a proxy stripped "/pay".
        const string sig = "0xbcd29bd3d195531d884429ba1c73999ccd1e3d891a7b36ea9dfd9822b7ac41dc969dcfa2ec2119f1db9db0508b9d3a441c859409b0dc01a43a3129a6f9eb3e08";
        var request = new SignedRequest("POST", "/api/payment/callback", null, Encoding.UTF8.GetBytes(EventBody),
            new SignatureHeaders(sig, "1795775164", "1795775464", "1"));
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Verifier(Iat, Ed).Verify(request).Status);

        var result = Verifier(Iat, Ed).Verify(request with { AlternatePaths = ["/other", "/pay/api/payment/callback"] });
        Assert.Equal(VerificationStatus.Valid, result.Status);
        Assert.Equal("/pay/api/payment/callback", result.MatchedPath);
    }

    [Fact]
    public void V0_body_signature_from_the_sdk_wallet_verifies_when_allowed()
    {
        // wallet.sign(stringify(event)) as pre-V1 SDKs sent it: x-component-sig only.
        const string sig = "0xc8bef478db5604a8bca6b29b84c92d18cae8eed970295e211e8b37bd033695ec5604cd35476f791ad3a4d2cc15a6a918fa48512486267eeddb2d12ae58a99301";
        var request = new SignedRequest("POST", "/api/payment/callback", null, Encoding.UTF8.GetBytes(EventBody), new SignatureHeaders(sig));
        Assert.Equal(VerificationStatus.V0NotAllowed, Verifier(Iat, Ed).Verify(request).Status);

        var result = Verifier(Iat, Ed, new SignatureVerifierOptions { AllowV0 = true }).Verify(request);
        Assert.Equal(VerificationStatus.Valid, result.Status);
        Assert.Equal(SignatureVersion.V0, result.Version);
    }
}
