using System.Globalization;
using PaymentEvents.Protocol.Crypto;
using PaymentEvents.Protocol.Json;

namespace PaymentEvents.Protocol;

/// <summary>Signs outgoing component calls and test deliveries (the inverse of <see cref="SignatureVerifier"/>).</summary>
public sealed class RequestSigner(AppKey key, TimeProvider timeProvider)
{
    /// <summary>The SDK's window: <c>exp = iat + 60 * 5</c>.</summary>
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromSeconds(300);

    private readonly AppKey _key = key ?? throw new ArgumentNullException(nameof(key));
    private readonly TimeProvider _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>V1 headers over <c>{iat, exp, body, query, method, url}</c>; <c>exp = iat + validity</c> (300 s default).</summary>
    /// <param name="method">HTTP method (signed lower case).</param>
    /// <param name="path">The URL path only, as it will be sent (percent-encoding intact).</param>
    /// <param name="queryString">The query string without '?', or null; signed as <c>qs.parse</c> reads it.</param>
    /// <param name="body">The exact JSON body bytes to send, or empty (signed as <c>{}</c>).</param>
    /// <param name="validity">Lifetime, whole seconds; default 300 s like the SDK.</param>
    /// <param name="componentDid">Value for <c>x-component-did</c>, if any.</param>
    /// <exception cref="FormatException">The body is not empty and not JSON.</exception>
    public SignatureHeaders SignV1(string method, string path, string? queryString, ReadOnlySpan<byte> body, TimeSpan? validity = null, string? componentDid = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(path);
        var iat = _time.GetUtcNow().ToUnixTimeSeconds(); // Math.floor(Date.now() / 1000)
        var exp = iat + (long)(validity ?? DefaultValidity).TotalSeconds;
        return SignV1At(method, path, queryString, body, iat.ToString(CultureInfo.InvariantCulture), exp.ToString(CultureInfo.InvariantCulture), componentDid);
    }

    /// <summary>
    /// V1 headers with <c>iat</c>/<c>exp</c> exactly as given (header text, read as JavaScript's <c>Number()</c> does):
    /// lets tests sign what a careless or hostile sender could, e.g. <c>Infinity</c> or an <c>iat</c> years ahead.
    /// </summary>
    internal SignatureHeaders SignV1At(string method, string path, string? queryString, ReadOnlySpan<byte> body, string iat, string exp, string? componentDid = null)
    {
        using var buffer = new PooledByteBuffer(body.Length + 256);
        if (!V1Message.TryWritePrefix(buffer, body, JsNumber.FromString(exp), JsNumber.FromString(iat), method, queryString))
        {
            throw new FormatException("The body to sign is not a JSON value.");
        }

        V1Message.WritePath(buffer, buffer.Length, path);
        return new SignatureHeaders(Sign(buffer.WrittenSpan), iat, exp, "1", componentDid);
    }

    /// <summary>V0 header over the canonical body only.</summary>
    /// <exception cref="FormatException">The body is not empty and not JSON.</exception>
    public SignatureHeaders SignV0(ReadOnlySpan<byte> body)
    {
        using var buffer = new PooledByteBuffer(body.Length + 16);
        if (!V1Message.TryWriteBody(buffer, body, v0: true))
        {
            throw new FormatException("The body to sign is not a JSON value.");
        }

        return new SignatureHeaders(Sign(buffer.WrittenSpan));
    }

    private string Sign(ReadOnlySpan<byte> message)
    {
        Span<byte> hash = stackalloc byte[Hashes.Length];
        WalletAlgorithm.For(_key.WalletType).Hash(message, hash);
        return Hex.EncodePrefixed(_key.SigningKey.Sign(hash));
    }
}
