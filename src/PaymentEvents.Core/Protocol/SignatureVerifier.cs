using System.Globalization;
using PaymentEvents.Protocol.Crypto;
using PaymentEvents.Protocol.Json;

namespace PaymentEvents.Protocol;

/// <summary>
/// Verifies Payment Kit deliveries (docs/protocol.md §3) the way <c>@blocklet/sdk@1.17.12</c>'s
/// <c>verifySig</c> does, plus the receiver's own policy (clock skew, window length, V0 opt-in,
/// several keys, several candidate paths). Pure apart from the clock; never throws for bad input.
/// </summary>
public sealed class SignatureVerifier(KeyRing keys, SignatureVerifierOptions options, TimeProvider timeProvider)
{
    private readonly KeyRing _keys = keys ?? throw new ArgumentNullException(nameof(keys));
    private readonly SignatureVerifierOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly TimeProvider _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    private const int Ed25519SignatureLength = 64;

    // 9999-12-31T23:59:59Z: the largest time DateTimeOffset (and a sane sender) can show.
    private const double MaxUnixSeconds = 253_402_300_799;

    // Immutable, replaced whole: a racing thread sees either the old or the new triple, never a mix.
    private SuccessText? _lastSuccess;

    /// <summary>Checks <paramref name="request"/>; the result says why it is or is not valid.</summary>
    public VerificationResult Verify(SignedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Span<byte> signature = stackalloc byte[WalletAlgorithm.MaxSignatureLength];
        if (CheckHeaders(request.Headers, signature, out var signatureLength, out var window) is { } refused)
        {
            return refused;
        }

        signature = signature[..signatureLength];
        return window.IsV1 ? VerifyV1(request, signature, window) : VerifyV0(request, signature);
    }

    /// <summary>
    /// Everything that can be refused from the headers alone (format, version, time window, a signature no trusted key
    /// could have made): null when the body is worth reading. <see cref="Verify"/> runs the same checks; the receiver
    /// calls this first so that an unauthenticated client whose headers are already wrong costs no body parse.
    /// </summary>
    public VerificationResult? CheckHeaders(SignatureHeaders? headers)
    {
        Span<byte> signature = stackalloc byte[WalletAlgorithm.MaxSignatureLength];
        return CheckHeaders(headers, signature, out _, out _);
    }

    private VerificationResult? CheckHeaders(SignatureHeaders? headers, Span<byte> signature, out int signatureLength, out Window window)
    {
        signatureLength = 0;
        window = default;
        if (headers is null || string.IsNullOrEmpty(headers.Signature))
        {
            return VerificationResult.Fail(VerificationStatus.MissingSignature, null, "No x-component-sig header.");
        }

        // The SDK ignores x-component-sig-version and always builds the V1 text, which needs iat and exp;
        // only a request with none of the V1 headers is a V0 delivery.
        var isV1 = headers.IssuedAt is not null || headers.ExpiresAt is not null || (headers.Version is not null && headers.Version != "0");
        var version = isV1 ? SignatureVersion.V1 : SignatureVersion.V0;

        if (!Hex.TryDecodePrefixed(headers.Signature.AsSpan().Trim(), signature, out signatureLength))
        {
            return VerificationResult.Fail(VerificationStatus.MalformedHeaders, version, "x-component-sig is not 0x followed by hex digits (or is too long).");
        }

        if (!isV1 && !_options.AllowV0)
        {
            return VerificationResult.Fail(VerificationStatus.V0NotAllowed, SignatureVersion.V0,
                "V0 signature (body only, no expiry) refused; set Webhooks:AllowV0Signatures to accept senders on old SDKs (and deduplicate by event id: V0 never expires).");
        }

        if (isV1 && CheckWindow(headers, out window) is { } outsideWindow)
        {
            return outsideWindow;
        }

        // Ed25519 signatures are exactly 64 bytes: with only such keys, any other length can match nothing.
        if (!_keys.HasEthereum && signatureLength != Ed25519SignatureLength)
        {
            return VerificationResult.Fail(VerificationStatus.NoTrustedKeyMatched, version,
                string.Create(CultureInfo.InvariantCulture, $"The signature is {signatureLength} bytes; the trusted Ed25519 keys sign {Ed25519SignatureLength}."));
        }

        return null;
    }

    /// <summary>
    /// The V1 time rules. The SDK only refuses <c>exp &lt; now</c>, so <c>Infinity</c>, <c>1e308</c> (whose window
    /// arithmetic is NaN) or an <c>iat</c> years ahead would pass there; here a signature is usable only while now is in
    /// [iat - MaxClockAhead, exp + ClockSkew], both are finite whole seconds, and exp - iat is at most MaxValidity.
    /// </summary>
    private VerificationResult? CheckWindow(SignatureHeaders headers, out Window window)
    {
        window = default;
        if (headers.Version is not null && headers.Version.Trim() != "1")
        {
            return VerificationResult.Fail(VerificationStatus.MalformedHeaders, SignatureVersion.V1, $"Unsupported x-component-sig-version '{Truncate(headers.Version)}'; expected 1.");
        }

        // The SDK reads both with Number(header): same parsing, same NaN refusal.
        var iat = JsNumber.FromString(headers.IssuedAt);
        var exp = JsNumber.FromString(headers.ExpiresAt);
        if (double.IsNaN(iat) || double.IsNaN(exp))
        {
            return VerificationResult.Fail(VerificationStatus.MalformedHeaders, SignatureVersion.V1, "x-component-sig-iat and x-component-sig-exp must both be numbers.");
        }

        // Deliberately stricter than the SDK: whole seconds in the range a clock can show (the SDK signs Math.floor(Date.now() / 1000)).
        if (!IsWholeSeconds(iat) || !IsWholeSeconds(exp))
        {
            return VerificationResult.Fail(VerificationStatus.MalformedHeaders, SignatureVersion.V1,
                "x-component-sig-iat and x-component-sig-exp must be whole unix seconds (finite, no fraction, before year 10000).");
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (exp < now - _options.ClockSkew.TotalSeconds)
        {
            return VerificationResult.Fail(VerificationStatus.Expired, SignatureVersion.V1,
                string.Create(CultureInfo.InvariantCulture, $"Signature expired at {exp} (now {now}, Webhooks:ClockSkew {_options.ClockSkew.TotalSeconds} s)."));
        }

        if (iat > now + _options.MaxClockAhead.TotalSeconds)
        {
            return VerificationResult.Fail(VerificationStatus.NotYetValid, SignatureVersion.V1,
                string.Create(CultureInfo.InvariantCulture, $"Signature issued at {iat}, {iat - now} s ahead of our clock (now {now}); Webhooks:MaxClockAhead allows {_options.MaxClockAhead.TotalSeconds} s."));
        }

        if (exp < iat)
        {
            return VerificationResult.Fail(VerificationStatus.MalformedHeaders, SignatureVersion.V1,
                string.Create(CultureInfo.InvariantCulture, $"x-component-sig-exp ({exp}) is before x-component-sig-iat ({iat})."));
        }

        if (exp - iat > _options.MaxValidity.TotalSeconds)
        {
            return VerificationResult.Fail(VerificationStatus.ValidityWindowTooLong, SignatureVersion.V1,
                string.Create(CultureInfo.InvariantCulture, $"Signature window exp - iat = {exp - iat} s exceeds the allowed {_options.MaxValidity.TotalSeconds} s (Webhooks:MaxValidity)."));
        }

        window = new Window(true, iat, exp);
        return null;
    }

    private static bool IsWholeSeconds(double value) =>
        double.IsFinite(value) && Math.Floor(value) == value && Math.Abs(value) <= MaxUnixSeconds;

    private VerificationResult VerifyV1(SignedRequest request, ReadOnlySpan<byte> signature, Window window)
    {
        var (iat, exp) = (window.IssuedAt, window.ExpiresAt);
        using var buffer = new PooledByteBuffer(request.Body.Length + 256);
        if (!V1Message.TryWritePrefix(buffer, request.Body.Span, exp, iat, request.Method, request.QueryString))
        {
            return VerificationResult.Fail(VerificationStatus.BodyNotJson, SignatureVersion.V1, "The body is not a JSON value.");
        }

        // Only the trailing path differs between candidates: the prefix (body included) is reused.
        var prefixLength = buffer.Length;
        var tried = 0;
        for (var i = -1; i < request.AlternatePaths.Count; i++)
        {
            var path = i < 0 ? request.Path : request.AlternatePaths[i];
            if (i >= 0 && (string.IsNullOrEmpty(path) || path == request.Path))
            {
                continue;
            }

            V1Message.WritePath(buffer, prefixLength, path);
            tried++;
            var key = FindSigner(buffer.WrittenSpan, signature);
            if (key is not null)
            {
                return new VerificationResult(VerificationStatus.Valid, SignatureVersion.V1, key, path, SuccessReason(key, path));
            }
        }

        return VerificationResult.Fail(VerificationStatus.NoTrustedKeyMatched, SignatureVersion.V1,
            $"No trusted key ({_keys.Keys.Count}) verifies the signature for any of {tried} candidate path(s); check the app public key and the public callback path.");
    }

    private VerificationResult VerifyV0(SignedRequest request, ReadOnlySpan<byte> signature)
    {
        using var buffer = new PooledByteBuffer(request.Body.Length + 16);
        if (!V1Message.TryWriteBody(buffer, request.Body.Span, v0: true))
        {
            return VerificationResult.Fail(VerificationStatus.BodyNotJson, SignatureVersion.V0, "The body is not a JSON value.");
        }

        var key = FindSigner(buffer.WrittenSpan, signature);
        return key is not null
            ? new VerificationResult(VerificationStatus.Valid, SignatureVersion.V0, key, null, $"V0 body signed by {key.Name}.")
            : VerificationResult.Fail(VerificationStatus.NoTrustedKeyMatched, SignatureVersion.V0, $"No trusted key ({_keys.Keys.Count}) verifies the V0 body signature.");
    }

    /// <summary>Hashes the message once per wallet type present, then tries each key in ring order.</summary>
    private TrustedKey? FindSigner(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        Span<byte> sha3 = stackalloc byte[Hashes.Length];
        Span<byte> keccak = stackalloc byte[Hashes.Length];
        if (_keys.HasArcblock)
        {
            Hashes.Sha3(message, sha3);
        }

        if (_keys.HasEthereum)
        {
            Hashes.Keccak(message, keccak);
        }

        foreach (var key in _keys.Keys)
        {
            var hash = key.WalletType == WalletType.Ethereum ? keccak : sha3;
            if (key.VerificationKey.Verify(hash, signature))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>
    /// "Signed by {key} for {path}.", built once per key and path rather than on every delivery: the
    /// same pair recurs on every valid request, and the string is on the hot path of each of them.
    /// </summary>
    private string SuccessReason(TrustedKey key, string path)
    {
        var last = _lastSuccess;
        if (last is not null && ReferenceEquals(last.Key, key) && string.Equals(last.Path, path, StringComparison.Ordinal))
        {
            return last.Reason;
        }

        var reason = $"Signed by {key.Name} for {path}.";
        _lastSuccess = new SuccessText(key, path, reason);
        return reason;
    }

    private static string Truncate(string value) => value.Length <= 16 ? value : value[..16] + "…";

    private sealed record SuccessText(TrustedKey Key, string Path, string Reason);

    /// <summary>A V1 window that passed <see cref="CheckWindow"/> (unused for V0).</summary>
    private readonly record struct Window(bool IsV1, double IssuedAt, double ExpiresAt);
}
