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

    // Immutable, replaced whole: a racing thread sees either the old or the new triple, never a mix.
    private SuccessText? _lastSuccess;

    /// <summary>Checks <paramref name="request"/>; the result says why it is or is not valid.</summary>
    public VerificationResult Verify(SignedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers;
        if (headers is null || string.IsNullOrEmpty(headers.Signature))
        {
            return VerificationResult.Fail(VerificationStatus.MissingSignature, null, "No x-component-sig header.");
        }

        // The SDK ignores x-component-sig-version and always builds the V1 text, which needs iat and exp;
        // only a request with none of the V1 headers is a V0 delivery.
        var isV1 = headers.IssuedAt is not null || headers.ExpiresAt is not null || (headers.Version is not null && headers.Version != "0");
        var version = isV1 ? SignatureVersion.V1 : SignatureVersion.V0;

        Span<byte> signature = stackalloc byte[WalletAlgorithm.MaxSignatureLength];
        if (!Hex.TryDecodePrefixed(headers.Signature.AsSpan().Trim(), signature, out var signatureLength))
        {
            return VerificationResult.Fail(VerificationStatus.MalformedHeaders, version, "x-component-sig is not 0x followed by hex digits (or is too long).");
        }

        signature = signature[..signatureLength];
        return isV1 ? VerifyV1(request, signature) : VerifyV0(request, signature);
    }

    private VerificationResult VerifyV1(SignedRequest request, ReadOnlySpan<byte> signature)
    {
        var headers = request.Headers;
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

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (exp < now - _options.ClockSkew.TotalSeconds)
        {
            return VerificationResult.Fail(VerificationStatus.Expired, SignatureVersion.V1,
                string.Create(CultureInfo.InvariantCulture, $"Signature expired at {exp} (now {now}, allowed skew {_options.ClockSkew.TotalSeconds} s)."));
        }

        if (exp - iat > _options.MaxValidity.TotalSeconds)
        {
            return VerificationResult.Fail(VerificationStatus.ValidityWindowTooLong, SignatureVersion.V1,
                string.Create(CultureInfo.InvariantCulture, $"Signature window exp - iat = {exp - iat} s exceeds the allowed {_options.MaxValidity.TotalSeconds} s."));
        }

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
        if (!_options.AllowV0)
        {
            return VerificationResult.Fail(VerificationStatus.V0NotAllowed, SignatureVersion.V0,
                "V0 signature (body only, no expiry) refused; set Webhooks:AllowV0Signatures to accept senders on old SDKs (and deduplicate by event id: V0 never expires).");
        }

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
}
