namespace PaymentEvents.Protocol;

/// <summary>Which signature scheme a request used (docs/protocol.md §3).</summary>
public enum SignatureVersion
{
    /// <summary>Older SDKs: <c>x-component-sig</c> over the body only.</summary>
    V0,

    /// <summary>Current: <c>{iat, exp, body, query, method, url}</c>.</summary>
    V1,
}
