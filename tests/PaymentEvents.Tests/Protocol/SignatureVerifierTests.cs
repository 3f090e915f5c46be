using System.Text;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Protocol;

namespace PaymentEvents.Tests.Protocol;

public sealed class SignatureVerifierTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"data\":{\"object\":{\"amount\":\"42\"}}}");
    private static readonly AppKey Key = AppKey.Generate();
    private const string PathSigned = "/api/payment/callback";

    private readonly FakeTimeProvider _time = new(Now);

    private SignatureVerifier Verifier(SignatureVerifierOptions? options = null, params AppKey[] trusted) =>
        new(new KeyRing((trusted.Length == 0 ? [Key] : trusted).Select((k, i) => k.ToTrustedKey($"key{i}"))), options ?? new SignatureVerifierOptions(), _time);

    private SignedRequest Signed(AppKey? key = null, string path = PathSigned, string? query = "livemode=true", byte[]? body = null, TimeSpan? validity = null)
    {
        var b = body ?? Body;
        var headers = new RequestSigner(key ?? Key, _time).SignV1("POST", path, query, b, validity);
        return new SignedRequest("POST", path, query, b, headers);
    }

    [Fact]
    public void A_signed_request_verifies()
    {
        var result = Verifier().Verify(Signed());
        Assert.Equal(VerificationStatus.Valid, result.Status);
        Assert.Equal(VerificationStatus.Valid, result.Status);
        Assert.Equal(SignatureVersion.V1, result.Version);
        Assert.Equal("key0", result.MatchedKey?.Name);
        Assert.Equal(PathSigned, result.MatchedPath);
    }

    [Fact]
    public void The_success_reason_names_the_key_and_path_of_each_request()
    {
        // One verifier, so the reason text reused between deliveries must follow the key and path.
        var other = AppKey.Generate();
        var verifier = Verifier(null, Key, other);
        Assert.Equal("Signed by key0 for /a.", verifier.Verify(Signed(path: "/a")).Reason);
        Assert.Equal("Signed by key0 for /a.", verifier.Verify(Signed(path: "/a")).Reason);
        Assert.Equal("Signed by key0 for /b.", verifier.Verify(Signed(path: "/b")).Reason);
        Assert.Equal("Signed by key1 for /b.", verifier.Verify(Signed(other, path: "/b")).Reason);
    }

    [Fact]
    public void Method_case_does_not_matter_but_method_does()
    {
        var request = Signed();
        Assert.Equal(VerificationStatus.Valid, Verifier().Verify(request with { Method = "post" }).Status);
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Verifier().Verify(request with { Method = "PUT" }).Status);
    }

    [Fact]
    public void Changing_path_query_or_body_breaks_the_signature()
    {
        var request = Signed();
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Verifier().Verify(request with { Path = "/api/payment/callback2" }).Status);
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Verifier().Verify(request with { QueryString = "livemode=false" }).Status);
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Verifier().Verify(request with { QueryString = null }).Status);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("42", "43", StringComparison.Ordinal));
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Verifier().Verify(request with { Body = tampered }).Status);
    }

    [Fact]
    public void The_query_is_compared_as_parsed_not_as_text()
    {
        var request = Signed(query: "b=2&a=1&c=x+y");
        Assert.Equal(VerificationStatus.Valid, Verifier().Verify(request with { QueryString = "a=1&c=x%20y&b=2" }).Status);
    }

    [Fact]
    public void An_empty_body_is_signed_as_an_empty_object()
    {
        var request = Signed(body: []);
        Assert.Equal(VerificationStatus.Valid, Verifier().Verify(request).Status);
        Assert.Equal(VerificationStatus.Valid, Verifier().Verify(request with { Body = "{ }"u8.ToArray() }).Status);
        Assert.Equal(VerificationStatus.Valid, Verifier().Verify(request with { Body = "null"u8.ToArray() }).Status); // body ?? {}
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Verifier().Verify(request with { Body = "[]"u8.ToArray() }).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_signature_is_MissingSignature(string? signature)
    {
        var request = Signed();
        var result = Verifier().Verify(request with { Headers = request.Headers with { Signature = signature } });
        Assert.Equal(VerificationStatus.MissingSignature, result.Status);
    }

    [Fact]
    public void Upper_case_hex_and_prefix_are_accepted()
    {
        var request = Signed();
        var upper = "0X" + request.Headers.Signature![2..].ToUpperInvariant();
        Assert.Equal(VerificationStatus.Valid, Verifier().Verify(request with { Headers = request.Headers with { Signature = upper } }).Status);
    }

    [Theory]
    [InlineData("no-prefix")]
    [InlineData("0x123")] // odd length
    [InlineData("0xzz")]
    [InlineData("abcdef")]
    public void Malformed_signature_text_is_MalformedHeaders(string signature)
    {
        var request = Signed();
        Assert.Equal(VerificationStatus.MalformedHeaders, Verifier().Verify(request with { Headers = request.Headers with { Signature = signature } }).Status);
    }

    [Fact]
    public void Signature_without_0x_is_refused_like_the_sdk()
    {
        var request = Signed();
        var bare = request.Headers.Signature![2..];
        Assert.Equal(VerificationStatus.MalformedHeaders, Verifier().Verify(request with { Headers = request.Headers with { Signature = bare } }).Status);
    }

    [Fact]
    public void Overlong_signature_is_MalformedHeaders()
    {
        var request = Signed();
        var overlong = "0x" + new string('a', 400);
        Assert.Equal(VerificationStatus.MalformedHeaders, Verifier().Verify(request with { Headers = request.Headers with { Signature = overlong } }).Status);
    }

    [Theory]
    [InlineData("abc", "1800000300")]
    [InlineData("1800000000", "soon")]
    [InlineData(null, "1800000300")]
    public void Non_numeric_times_are_MalformedHeaders(string? iat, string? exp)
    {
        var request = Signed();
        var result = Verifier().Verify(request with { Headers = request.Headers with { IssuedAt = iat, ExpiresAt = exp } });
        Assert.Equal(VerificationStatus.MalformedHeaders, result.Status);
        Assert.Equal(SignatureVersion.V1, result.Version);
    }

    [Fact]
    public void Unknown_version_is_MalformedHeaders()
    {
        var request = Signed();
        Assert.Equal(VerificationStatus.MalformedHeaders, Verifier().Verify(request with { Headers = request.Headers with { Version = "2" } }).Status);
    }

    [Fact]
    public void Missing_version_header_with_times_is_still_V1_like_the_sdk()
    {
        var request = Signed();
        var result = Verifier().Verify(request with { Headers = request.Headers with { Version = null } });
        Assert.Equal(VerificationStatus.Valid, result.Status);
        Assert.Equal(SignatureVersion.V1, result.Version);
    }

    [Fact]
    public void Times_written_differently_but_equal_as_numbers_verify()
    {
        var request = Signed();
        var iat = long.Parse(request.Headers.IssuedAt!, System.Globalization.CultureInfo.InvariantCulture);
        var headers = request.Headers with { IssuedAt = $" {iat}.0 ", ExpiresAt = $"{iat + 300}e0" };
        Assert.Equal(VerificationStatus.Valid, Verifier().Verify(request with { Headers = headers }).Status);
    }

    [Fact]
    public void Body_that_is_not_JSON_is_BodyNotJson()
    {
        var request = Signed();
        Assert.Equal(VerificationStatus.BodyNotJson, Verifier().Verify(request with { Body = "{\"id\":"u8.ToArray() }).Status);
        Assert.Equal(VerificationStatus.BodyNotJson, Verifier().Verify(request with { Body = "id=1"u8.ToArray() }).Status);
    }

    [Fact]
    public void Expiry_allows_the_configured_skew_and_no_more()
    {
        var request = Signed(); // exp = now + 300
        var options = new SignatureVerifierOptions { ClockSkew = TimeSpan.FromSeconds(30) };
        _time.Advance(TimeSpan.FromSeconds(330));
        Assert.Equal(VerificationStatus.Valid, Verifier(options).Verify(request).Status);
        _time.Advance(TimeSpan.FromSeconds(1));
        var result = Verifier(options).Verify(request);
        Assert.Equal(VerificationStatus.Expired, result.Status);
        Assert.Contains("expired", result.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Without_skew_expiry_matches_the_sdk_exp_less_than_now()
    {
        var request = Signed();
        var options = new SignatureVerifierOptions { ClockSkew = TimeSpan.Zero };
        _time.Advance(TimeSpan.FromSeconds(300.9)); // now (whole seconds) == exp: still valid
        Assert.Equal(VerificationStatus.Valid, Verifier(options).Verify(request).Status);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(VerificationStatus.Expired, Verifier(options).Verify(request).Status);
    }

    [Fact]
    public void Iat_ahead_is_accepted_within_MaxClockAhead_and_refused_beyond_it_unlike_the_sdk()
    {
        var options = new SignatureVerifierOptions { MaxClockAhead = TimeSpan.FromMinutes(5) };
        SignedRequest SignedAhead(TimeSpan ahead) =>
            new("POST", PathSigned, null, Body, new RequestSigner(Key, new FakeTimeProvider(Now + ahead)).SignV1("POST", PathSigned, null, Body));

        Assert.Equal(VerificationStatus.Valid, Verifier(options).Verify(SignedAhead(TimeSpan.FromMinutes(5))).Status);
        var refused = Verifier(options).Verify(SignedAhead(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1)));
        Assert.Equal(VerificationStatus.NotYetValid, refused.Status);
        Assert.Contains("Webhooks:MaxClockAhead", refused.Reason, StringComparison.Ordinal);

        // Ten years ahead with a normal 300 s window: never usable now (the SDK would accept it, and for ten years).
        Assert.Equal(VerificationStatus.NotYetValid, Verifier(options).Verify(SignedAhead(TimeSpan.FromDays(3650))).Status);
    }

    [Theory]
    [InlineData("Infinity", "Infinity")]
    [InlineData("1800000000", "Infinity")]
    [InlineData("1e308", "1e308")]
    [InlineData("1800000000", "1e308")]
    [InlineData("-Infinity", "1800000300")]
    [InlineData("1800000000.5", "1800000300.5")]
    [InlineData("1800000000", "1800000300.25")]
    public void Iat_and_exp_must_be_finite_whole_seconds_even_when_validly_signed(string iat, string exp)
    {
        var headers = new RequestSigner(Key, _time).SignV1At("POST", PathSigned, null, Body, iat, exp);

        var result = Verifier().Verify(new SignedRequest("POST", PathSigned, null, Body, headers));

        Assert.Equal(VerificationStatus.MalformedHeaders, result.Status);
        Assert.Equal(result.Status, Verifier().CheckHeaders(headers)?.Status);
    }

    [Fact]
    public void Validly_signed_window_longer_than_MaxValidity_is_refused_however_far_it_reaches()
    {
        var headers = new RequestSigner(Key, _time).SignV1At("POST", PathSigned, null, Body, "1800000000", "9000000000");

        Assert.Equal(VerificationStatus.ValidityWindowTooLong, Verifier().Verify(new SignedRequest("POST", PathSigned, null, Body, headers)).Status);
    }

    [Fact]
    public void Headers_alone_refuse_a_signature_no_ed25519_key_could_make_before_the_body_is_read()
    {
        var headers = Signed().Headers with { Signature = "0xdeadbeef" };

        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Verifier().CheckHeaders(headers)?.Status);
        Assert.Null(Verifier().CheckHeaders(Signed().Headers));
    }

    [Fact]
    public void Too_long_a_window_is_refused()
    {
        var request = Signed(validity: TimeSpan.FromHours(2));
        Assert.Equal(VerificationStatus.ValidityWindowTooLong, Verifier().Verify(request).Status);
        Assert.Equal(VerificationStatus.Valid, Verifier(new SignatureVerifierOptions { MaxValidity = TimeSpan.FromHours(3) }).Verify(request).Status);
    }

    [Fact]
    public void V0_is_refused_unless_allowed()
    {
        var headers = new RequestSigner(Key, _time).SignV0(Body);
        Assert.Null(headers.IssuedAt);
        var request = new SignedRequest("POST", PathSigned, null, Body, headers);
        var refused = Verifier().Verify(request);
        Assert.Equal(VerificationStatus.V0NotAllowed, refused.Status);
        Assert.Equal(SignatureVersion.V0, refused.Version);

        var allowed = new SignatureVerifierOptions { AllowV0 = true };
        var result = Verifier(allowed).Verify(request);
        Assert.Equal(VerificationStatus.Valid, result.Status);
        Assert.Equal(SignatureVersion.V0, result.Version);
        Assert.Null(result.MatchedPath);

        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Verifier(allowed).Verify(request with { Body = "{\"id\":\"evt_2\"}"u8.ToArray() }).Status);
        Assert.Equal(VerificationStatus.BodyNotJson, Verifier(allowed).Verify(request with { Body = "x"u8.ToArray() }).Status);
    }

    [Fact]
    public void V0_signs_falsy_bodies_as_an_empty_object()
    {
        var headers = new RequestSigner(Key, _time).SignV0([]);
        var allowed = new SignatureVerifierOptions { AllowV0 = true };
        foreach (var body in new[] { "{}", "0", "false", "\"\"", "null" })
        {
            Assert.Equal((body, VerificationStatus.Valid), (body, Verifier(allowed).Verify(new SignedRequest("POST", PathSigned, null, Encoding.UTF8.GetBytes(body), headers)).Status));
        }
    }

    [Fact]
    public void Key_rotation_any_key_in_the_ring_verifies_and_the_result_names_it()
    {
        var oldKey = AppKey.Generate();
        var newKey = AppKey.Generate();
        var request = Signed(newKey);
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Verifier(null, oldKey).Verify(request).Status);

        var result = Verifier(null, oldKey, newKey).Verify(request);
        Assert.Equal(VerificationStatus.Valid, result.Status);
        Assert.Equal("key1", result.MatchedKey?.Name);
        Assert.Equal(newKey.PublicKeyHex, result.MatchedKey?.PublicKeyHex);

        Assert.Equal("key0", Verifier(null, oldKey, newKey).Verify(Signed(oldKey)).MatchedKey?.Name);
    }

    [Fact]
    public void An_empty_key_ring_verifies_nothing()
    {
        var verifier = new SignatureVerifier(new KeyRing([]), new SignatureVerifierOptions(), _time);
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, verifier.Verify(Signed()).Status);
    }

    [Fact]
    public void Alternate_paths_are_tried_in_order_after_the_path()
    {
        var signedPublic = Signed(path: "/pay/api/payment/callback");
        var received = signedPublic with { Path = "/api/payment/callback" };
        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Verifier().Verify(received).Status);

        var result = Verifier().Verify(received with { AlternatePaths = ["", "/api/payment/callback", "/pay/api/payment/callback"] });
        Assert.Equal(VerificationStatus.Valid, result.Status);
        Assert.Equal("/pay/api/payment/callback", result.MatchedPath);
    }

    [Fact]
    public void Ethereum_and_arcblock_keys_share_a_ring()
    {
        var eth = AppKey.Generate(WalletType.Ethereum);
        var ed = AppKey.Generate();
        var verifier = Verifier(null, ed, eth);

        var ethResult = verifier.Verify(Signed(eth));
        Assert.Equal(VerificationStatus.Valid, ethResult.Status);
        Assert.Equal(WalletType.Ethereum, ethResult.MatchedKey?.WalletType);

        var edResult = verifier.Verify(Signed(ed));
        Assert.Equal(VerificationStatus.Valid, edResult.Status);
        Assert.Equal(WalletType.Arcblock, edResult.MatchedKey?.WalletType);

        Assert.Equal(VerificationStatus.NoTrustedKeyMatched, Verifier(null, AppKey.Generate(WalletType.Ethereum)).Verify(Signed(eth)).Status);
    }

    [Fact]
    public void Garbage_never_throws_and_never_verifies()
    {
        var verifier = Verifier(new SignatureVerifierOptions { AllowV0 = true });
        var text = Gen.String[Gen.Char.AlphaNumeric, 0, 20].Select(s => s.Length % 3 == 0 ? null : s);
        var hexish = Gen.Byte.Array[0, 90].Select(b => "0x" + Convert.ToHexString(b));
        Gen.Select(Gen.OneOf(hexish, text), text, text, Gen.OneOf(Gen.Const<string?>("1"), text), Gen.Byte.Array[0, 64])
            .Sample((sig, iat, exp, version, body) =>
            {
                var request = new SignedRequest("POST", PathSigned, "a=1", body, new SignatureHeaders(sig, iat, exp, version));
                var result = verifier.Verify(request);
                Assert.NotEqual(VerificationStatus.Valid, result.Status);
                Assert.False(string.IsNullOrEmpty(result.Reason));
            }, iter: 300);
    }
}
