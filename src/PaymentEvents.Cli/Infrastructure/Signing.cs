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
        var list = new List<KeyValuePair<string, string>>();
        Add(SignatureHeaders.SignatureHeader, headers.Signature);
        Add(SignatureHeaders.IssuedAtHeader, headers.IssuedAt);
        Add(SignatureHeaders.ExpiresAtHeader, headers.ExpiresAt);
        Add(SignatureHeaders.VersionHeader, headers.Version);
        Add(SignatureHeaders.ComponentDidHeader, headers.ComponentDid);
        return list;

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                list.Add(new(name, value));
            }
        }
    }
}
