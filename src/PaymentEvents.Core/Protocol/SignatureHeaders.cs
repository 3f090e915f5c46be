namespace PaymentEvents.Protocol;

/// <summary>
/// The signature headers of a Blocklet component call (docs/protocol.md §3), as raw header text.
/// V1 carries all of them; V0 only <see cref="Signature"/>.
/// </summary>
public sealed record SignatureHeaders(
    string? Signature,
    string? IssuedAt = null,
    string? ExpiresAt = null,
    string? Version = null,
    string? ComponentDid = null)
{
    /// <summary><c>x-component-sig</c>.</summary>
    public const string SignatureHeader = "x-component-sig";

    /// <summary><c>x-component-sig-iat</c>.</summary>
    public const string IssuedAtHeader = "x-component-sig-iat";

    /// <summary><c>x-component-sig-exp</c>.</summary>
    public const string ExpiresAtHeader = "x-component-sig-exp";

    /// <summary><c>x-component-sig-version</c>.</summary>
    public const string VersionHeader = "x-component-sig-version";

    /// <summary><c>x-component-did</c>.</summary>
    public const string ComponentDidHeader = "x-component-did";

    /// <summary>The headers to send, name and value, in the order above; those without a value are left out.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToHttpHeaders()
    {
        var headers = new List<KeyValuePair<string, string>>(5);
        Add(SignatureHeader, Signature);
        Add(IssuedAtHeader, IssuedAt);
        Add(ExpiresAtHeader, ExpiresAt);
        Add(VersionHeader, Version);
        Add(ComponentDidHeader, ComponentDid);
        return headers;

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                headers.Add(new(name, value));
            }
        }
    }
}
