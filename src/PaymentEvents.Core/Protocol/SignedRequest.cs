namespace PaymentEvents.Protocol;

/// <summary>An incoming (or outgoing) request as the signature sees it.</summary>
/// <param name="Method">HTTP method, any case (signed lower case).</param>
/// <param name="Path">
/// The path only, as received and still percent-encoded (no scheme, host or query): the SDK signs
/// <c>parseURL(url).pathname</c>, which is not decoded. In ASP.NET Core take it from the raw request
/// target, not <c>Request.Path</c> (decoded).
/// </param>
/// <param name="QueryString">Raw query string without the leading '?', or null.</param>
/// <param name="Body">Raw body bytes (UTF-8 JSON, or empty).</param>
/// <param name="Headers">The signature headers.</param>
public sealed record SignedRequest(
    string Method,
    string Path,
    string? QueryString,
    ReadOnlyMemory<byte> Body,
    SignatureHeaders Headers)
{
    /// <summary>
    /// Other paths the sender may have signed: the public path behind a prefix-stripping proxy
    /// (configured callback URL path, PathBase + path where a trusted proxy's prefix lands).
    /// Tried after <see cref="Path"/>, in order.
    /// </summary>
    public IReadOnlyList<string> AlternatePaths { get; init; } = [];
}
