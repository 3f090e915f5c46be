using System.Text;
using System.Text.Json;
using PaymentEvents.Protocol;
using PaymentEvents.Tests.Interop;

namespace PaymentEvents.Tests.Protocol;

/// <summary>
/// The C# protocol against vectors made by the real <c>@blocklet/sdk@1.17.12</c>
/// (tests/interop/make-vectors.js; docs/protocol.md §3 and §5). A vector is never edited to fit the
/// C# code: a disagreement is either a C# bug or a documented receiver policy (vector "quirk").
/// </summary>
public sealed class InteropVectorTests
{
    private static readonly string[] DocumentedTypes =
    [
        "checkout.session.completed", "checkout.session.nft_minted",
        "customer.subscription.created", "customer.subscription.started", "customer.subscription.renewed",
        "customer.subscription.upgraded", "customer.subscription.updated", "customer.subscription.deleted",
        "customer.subscription.paused", "customer.subscription.resumed",
        "customer.subscription.trial_start", "customer.subscription.trial_will_end", "customer.subscription.trial_end",
        "payment_intent.succeeded", "payment_intent.payment_failed", "invoice.paid", "refund.succeeded",
    ];

    public static TheoryData<string> RequestVectors() => Names(InteropVectors.Requests);

    public static TheoryData<string> CanonicalVectors() => Names(InteropVectors.CanonicalCases);

    /// <summary>Valid V1 arcblock vectors whose body is what the sender signed: C# must re-derive the same canonical body.</summary>
    public static TheoryData<string> ValidBodyVectors() => Names(InteropVectors.Requests.Where(v =>
        v.Expected!.Valid && v.Expected.Quirk is null && v.Version == "1"));

    /// <summary>Valid, unquirked arcblock V1 vectors: Ed25519 is deterministic, so the C# signer must reproduce the SDK's signature.</summary>
    public static TheoryData<string> SignerVectors() => Names(InteropVectors.Requests.Where(v =>
        v.Expected!.Valid && v.Expected.Quirk is null && v.Version == "1" && v.WalletType == "arcblock"));

    /// <summary>Valid arcblock V0 vectors: the body-only signature is deterministic too.</summary>
    public static TheoryData<string> V0SignerVectors() => Names(InteropVectors.Requests.Where(v =>
        v.Expected!.Valid && v.Version == "0" && v.WalletType == "arcblock"));

    [Fact]
    public void Vector_set_is_complete()
    {
        var requests = InteropVectors.Requests.ToList();
        var canonical = InteropVectors.CanonicalCases.ToList();
        Assert.True(requests.Count >= 300, $"expected at least 300 request vectors in {InteropVectors.VectorDirectory}, found {requests.Count}");
        Assert.True(canonical.Count >= 100, $"expected at least 100 canonical vectors, found {canonical.Count}");

        var validTypes = requests
            .Where(v => v.Expected!.Valid && v.Category == "valid")
            .Select(v =>
            {
                using var doc = JsonDocument.Parse(v.Body);
                return doc.RootElement.GetProperty("type").GetString();
            })
            .ToHashSet();
        Assert.All(DocumentedTypes, t => Assert.Contains(t, validTypes));

        string[] categories = ["valid", "reserialized", "tampered", "wrong-key", "expired", "wrong-path", "wrong-query",
            "missing-headers", "garbage-signature", "hostile", "path-prefix", "query", "time", "ethereum", "v0"];
        var present = requests.Select(v => v.Category).ToHashSet();
        Assert.All(categories, c => Assert.Contains(c, present));
        Assert.Contains(requests, v => v.Expected!.Valid);
        Assert.Contains(requests, v => !v.Expected!.Valid);
    }

    [Theory]
    [MemberData(nameof(RequestVectors))]
    public void Verifier_agrees_with_the_sdk(string name)
    {
        var v = InteropVectors.Get(name);
        var result = VectorRunner.Verify(v);
        var expected = v.Expected!;

        if (expected.Quirk is { } quirk)
        {
            // The SDK's verdict, or a refusal the vector names as an acceptable receiver policy.
            Assert.True(
                result.IsValid == expected.Valid || quirk.ReceiverMayReturn.Contains(result.Status.ToString()),
                VectorRunner.Describe(v, result));
            return;
        }

        Assert.True(result.IsValid == expected.Valid, VectorRunner.Describe(v, result));
        if (expected.Valid)
        {
            Assert.Equal(v.Version == "0" ? SignatureVersion.V0 : SignatureVersion.V1, result.Version);
            var signer = Convert.FromHexString(v.Signer!.PublicKey[2..]);
            Assert.True(result.MatchedKey is not null && result.MatchedKey.PublicKey.AsSpan().SequenceEqual(signer), VectorRunner.Describe(v, result));
            if (v.Version == "1")
            {
                Assert.Equal(v.Signer.Path, result.MatchedPath);
            }
        }
        else
        {
            // Same class of refusal as the SDK (its 400/401 split is finer than a status code).
            VerificationStatus[] allowed = expected.Reason switch
            {
                "expired" => [VerificationStatus.Expired],
                "missing-signature" => [VerificationStatus.MissingSignature],
                "malformed-headers" => [VerificationStatus.MalformedHeaders, VerificationStatus.MissingSignature, VerificationStatus.V0NotAllowed],
                _ => [VerificationStatus.NoTrustedKeyMatched, VerificationStatus.MalformedHeaders, VerificationStatus.ValidityWindowTooLong, VerificationStatus.BodyNotJson],
            };
            Assert.True(allowed.Contains(result.Status), VectorRunner.Describe(v, result));
        }
    }

    [Theory]
    [MemberData(nameof(ValidBodyVectors))]
    public void Canonical_body_matches_what_the_sdk_signed(string name)
    {
        var v = InteropVectors.Get(name);
        var body = Encoding.UTF8.GetString(CanonicalJson.ToCanonicalBytes(v.Body.Length == 0 ? "{}"u8 : v.Body));

        // Keys are sorted, so the V1 canonical is {"body":<canonical body>,"exp":...}.
        var expectedPrefix = "{\"body\":" + body + ",\"exp\":";
        Assert.True(v.Canonical!.StartsWith(expectedPrefix, StringComparison.Ordinal), $"{name}: C# canonical body differs from the SDK's.\n C#:  {Clip(body)}\n SDK: {Clip(v.Canonical)}");
    }

    [Theory]
    [MemberData(nameof(SignerVectors))]
    public void Signer_reproduces_the_sdk_signature(string name)
    {
        var v = InteropVectors.Get(name);
        var s = v.Signer!;
        var key = AppKey.FromSecretKeyHex(s.SecretKey);
        Assert.Equal(s.PublicKey, key.PublicKeyHex, StringComparer.OrdinalIgnoreCase);

        var iat = (long)s.Iat!.Value;
        var signer = new RequestSigner(key, VectorRunner.ClockAt(iat * 1000));
        var headers = signer.SignV1(s.Method!, s.Path!, s.Query, v.Body, TimeSpan.FromSeconds(s.Exp!.Value - s.Iat.Value));

        Assert.Equal(iat.ToString(System.Globalization.CultureInfo.InvariantCulture), headers.IssuedAt);
        Assert.Equal(v.Header(SignatureHeaders.ExpiresAtHeader), headers.ExpiresAt);
        Assert.Equal("1", headers.Version);
        Assert.Equal(v.Header(SignatureHeaders.SignatureHeader), headers.Signature, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(V0SignerVectors))]
    public void V0_signer_reproduces_the_sdk_signature(string name)
    {
        var v = InteropVectors.Get(name);
        var key = AppKey.FromSecretKeyHex(v.Signer!.SecretKey);
        var headers = new RequestSigner(key, VectorRunner.ClockAt(v.NowUnixMs)).SignV0(v.Body);
        Assert.Equal(v.Header(SignatureHeaders.SignatureHeader), headers.Signature, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(CanonicalVectors))]
    public void Canonical_json_matches_json_stable_stringify(string name)
    {
        var v = InteropVectors.Get(name);
        var input = Convert.FromBase64String(v.InputBase64!);
        if (v.Error && v.Quirk is null)
        {
            Assert.Throws<FormatException>(() => CanonicalJson.ToCanonicalBytes(input));
            return;
        }

        if (v.Error)
        {
            // JSON.parse refuses it, the SDK's body parser does not: refusing or giving the accepted form are both right.
            byte[]? accepted = null;
            try
            {
                accepted = CanonicalJson.ToCanonicalBytes(input);
            }
            catch (FormatException)
            {
            }

            Assert.True(accepted is null || Encoding.UTF8.GetString(accepted) == v.Quirk!.AcceptedCanonical, $"{name}: {v.Quirk!.Note}");
            return;
        }

        var expected = Encoding.UTF8.GetString(Convert.FromBase64String(v.CanonicalBase64!));
        string actual;
        try
        {
            actual = Encoding.UTF8.GetString(CanonicalJson.ToCanonicalBytes(input));
        }
        catch (FormatException e)
        {
            Assert.Fail($"{name}: C# refused JSON that JSON.parse accepts ({e.Message}).\n input: {Clip(v.Input!)}");
            return;
        }

        Assert.True(expected == actual, $"{name}\n input:    {Clip(v.Input!)}\n expected: {Clip(expected)}\n actual:   {Clip(actual)}");
    }

    private static string Clip(string s) => s.Length > 600 ? s[..600] + "…" : s;

    private static TheoryData<string> Names(IEnumerable<InteropVector> vectors)
    {
        var data = new TheoryData<string>();
        foreach (var v in vectors)
        {
            data.Add(v.Name);
        }

        return data;
    }
}
