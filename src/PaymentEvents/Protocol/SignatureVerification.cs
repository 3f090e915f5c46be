namespace PaymentEvents.Protocol;

#pragma warning disable CS9113 // stub parameters, read once implemented

// CONTRACT STUB (skeleton): the protocol helper owns this file and may refine it,
// keeping these names so the receiver, CLI and interop tests compile against them.

/// <summary>Which signature scheme a request used (PROTOCOL §3).</summary>
public enum SignatureVersion
{
    /// <summary>Older SDKs: <c>x-component-sig</c> over the body only.</summary>
    V0,

    /// <summary>Current: <c>{iat, exp, body, query, method, url}</c>.</summary>
    V1,
}

/// <summary>Why a verification succeeded or failed. Never an exception for bad input.</summary>
public enum VerificationStatus
{
    Valid,
    MissingSignature,
    MalformedHeaders,
    BodyNotJson,
    Expired,
    ValidityWindowTooLong,
    V0NotAllowed,
    NoTrustedKeyMatched,
}

/// <summary>An incoming (or outgoing) request as the signature sees it.</summary>
/// <param name="Method">HTTP method, any case (signed lower case).</param>
/// <param name="Path">The path only, as received (no scheme, host or query).</param>
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
    /// (configured callback URL path, <c>X-Forwarded-Prefix</c> + path, PathBase + path).
    /// </summary>
    public IReadOnlyList<string> AlternatePaths { get; init; } = [];
}

/// <summary>The verdict, with the reason and (when valid) the key and path that matched.</summary>
public readonly record struct VerificationResult(
    VerificationStatus Status,
    SignatureVersion? Version,
    TrustedKey? MatchedKey,
    string? MatchedPath,
    string Reason)
{
    /// <summary>True when <see cref="Status"/> is <see cref="VerificationStatus.Valid"/>.</summary>
    public bool IsValid => Status == VerificationStatus.Valid;
}

/// <summary>Verification policy (configuration section <c>Webhooks</c>).</summary>
public sealed class SignatureVerifierOptions
{
    /// <summary>Accept V0 (body-only, never expiring) signatures. Off by default.</summary>
    public bool AllowV0 { get; set; }

    /// <summary>Leeway on <c>exp</c>. The SDK has none; default 30 s.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Refuse <c>exp - iat</c> windows longer than this (the SDK signs 300 s). Default 1 h.</summary>
    public TimeSpan MaxValidity { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>A public key trusted to sign deliveries.</summary>
public sealed class TrustedKey
{
    public TrustedKey(string name, WalletType walletType, byte[] publicKey)
    {
        Name = name;
        WalletType = walletType;
        PublicKey = publicKey;
    }

    /// <summary>Label for logs and results (e.g. "AppPk", "TrustedKeys[0]").</summary>
    public string Name { get; }

    public WalletType WalletType { get; }

    public byte[] PublicKey { get; }

    /// <summary>Parses a <c>0x</c>-hex public key. Throws <see cref="FormatException"/> naming the problem.</summary>
    public static TrustedKey FromHex(string name, string hex, WalletType walletType) => throw new NotImplementedException();
}

/// <summary>The set of keys tried in order; rotation adds a key here before the sender switches.</summary>
public sealed class KeyRing(IEnumerable<TrustedKey> keys)
{
    public IReadOnlyList<TrustedKey> Keys { get; } = [.. keys];
}

/// <summary>Verifies Payment Kit deliveries. Pure apart from the clock.</summary>
public sealed class SignatureVerifier(KeyRing keys, SignatureVerifierOptions options, TimeProvider timeProvider)
{
    public VerificationResult Verify(SignedRequest request) => throw new NotImplementedException();
}

/// <summary>An app key pair (secret key held), used to sign and to derive the public key and DID.</summary>
public sealed class AppKey
{
    private AppKey() => throw new NotImplementedException();

    public WalletType WalletType { get; }

    /// <summary>0x-hex secret key (64 bytes for Ed25519: seed + public key).</summary>
    public string SecretKeyHex => throw new NotImplementedException();

    /// <summary>0x-hex public key.</summary>
    public string PublicKeyHex => throw new NotImplementedException();

    /// <summary>The wallet's DID address (as <c>@ocap/wallet</c> computes it for ROLE_APPLICATION).</summary>
    public string Address => throw new NotImplementedException();

    public static AppKey Generate(WalletType walletType = WalletType.Arcblock) => throw new NotImplementedException();

    /// <summary>Parses a 0x-hex secret key. Throws <see cref="FormatException"/> naming the problem.</summary>
    public static AppKey FromSecretKeyHex(string hex, WalletType walletType = WalletType.Arcblock) => throw new NotImplementedException();

    public TrustedKey ToTrustedKey(string name) => throw new NotImplementedException();
}

/// <summary>Signs outgoing component calls and test deliveries (the inverse of <see cref="SignatureVerifier"/>).</summary>
public sealed class RequestSigner(AppKey key, TimeProvider timeProvider)
{
    /// <summary>V1 headers over <c>{iat, exp, body, query, method, url}</c>; <c>exp = iat + validity</c> (300 s default).</summary>
    public SignatureHeaders SignV1(string method, string path, string? queryString, ReadOnlySpan<byte> body, TimeSpan? validity = null, string? componentDid = null)
        => throw new NotImplementedException();

    /// <summary>V0 header over the canonical body only.</summary>
    public SignatureHeaders SignV0(ReadOnlySpan<byte> body) => throw new NotImplementedException();
}
