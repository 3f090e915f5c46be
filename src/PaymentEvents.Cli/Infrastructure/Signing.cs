using PaymentEvents.Protocol;

namespace PaymentEvents.Cli.Infrastructure;

/// <summary>Signs a delivery the way Payment Kit does (docs/protocol.md §3) and turns the headers into a list.</summary>
internal static class Signing
{
    public static SignatureHeaders Sign(AppKey key, TimeProvider timeProvider, Uri url, ReadOnlySpan<byte> body, bool v0, string method = "POST")
    {
        var signer = new RequestSigner(key, timeProvider);
        var query = url.Query.Length > 1 ? url.Query[1..] : null;
        return v0 ? signer.SignV0(body) : signer.SignV1(method, url.AbsolutePath, query, body);
    }

    public static IReadOnlyList<KeyValuePair<string, string>> ToList(SignatureHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers.ToHttpHeaders();
    }
}
