namespace PaymentEvents.Protocol;

/// <summary>The verdict, with the reason and (when valid) the key and path that matched.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="Version">The scheme the headers selected, when it got that far.</param>
/// <param name="MatchedKey">The trusted key that verified (valid results only).</param>
/// <param name="MatchedPath">The path that was signed (V1 valid results only).</param>
/// <param name="Reason">A sentence for logs and problem responses; never contains secrets.</param>
public readonly record struct VerificationResult(
    VerificationStatus Status,
    SignatureVersion? Version,
    TrustedKey? MatchedKey,
    string? MatchedPath,
    string Reason)
{
    /// <summary>True when <see cref="Status"/> is <see cref="VerificationStatus.Valid"/>.</summary>
    public bool IsValid => Status == VerificationStatus.Valid;

    internal static VerificationResult Fail(VerificationStatus status, SignatureVersion? version, string reason) =>
        new(status, version, null, null, reason);
}
