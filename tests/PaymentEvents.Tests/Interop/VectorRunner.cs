using System.Text;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Protocol;

namespace PaymentEvents.Tests.Interop;

/// <summary>Runs one request vector through the C# <see cref="SignatureVerifier"/> as the vector says.</summary>
internal static class VectorRunner
{
    public static WalletType WalletTypeOf(string? name) =>
        name == "ethereum" ? WalletType.Ethereum : WalletType.Arcblock;

    public static FakeTimeProvider ClockAt(long unixMs) => new(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));

    public static SignedRequest ToRequest(InteropVector v) =>
        new(
            v.Method!,
            v.Path!,
            v.Query,
            v.Body,
            new SignatureHeaders(
                v.Header(SignatureHeaders.SignatureHeader),
                v.Header(SignatureHeaders.IssuedAtHeader),
                v.Header(SignatureHeaders.ExpiresAtHeader),
                v.Header(SignatureHeaders.VersionHeader),
                v.Header(SignatureHeaders.ComponentDidHeader)))
        {
            AlternatePaths = v.AlternatePaths,
        };

    public static SignatureVerifier VerifierFor(InteropVector v)
    {
        var type = WalletTypeOf(v.ReceiverWalletType);
        var keys = v.PublicKeys.Select((pk, i) => TrustedKey.FromHex($"vector[{i}]", pk, type));
        var r = v.Receiver!;
        var options = new SignatureVerifierOptions
        {
            AllowV0 = r.AllowV0,
            ClockSkew = TimeSpan.FromSeconds(r.ClockSkewSeconds),
            MaxValidity = TimeSpan.FromSeconds(r.MaxValiditySeconds),
        };
        return new SignatureVerifier(new KeyRing(keys), options, ClockAt(v.NowUnixMs));
    }

    public static VerificationResult Verify(InteropVector v) => VerifierFor(v).Verify(ToRequest(v));

    /// <summary>Everything a reader needs to see why C# and the SDK disagree.</summary>
    public static string Describe(InteropVector v, VerificationResult? result = null)
    {
        var e = v.Expected!;
        var sb = new StringBuilder()
            .AppendLine($"vector {v.Name} [{v.Category}]: {v.Description}")
            .AppendLine($"  SDK: valid={e.Valid} status={e.SdkStatus} reason={e.Reason} ({e.Check})");
        if (result is { } r)
        {
            sb.AppendLine($"  C#:  valid={r.IsValid} status={r.Status} version={r.Version} path={r.MatchedPath} reason={r.Reason}");
        }

        if (e.Quirk is { } q)
        {
            sb.AppendLine($"  quirk: {q.Note} (acceptable: {string.Join(", ", q.ReceiverMayReturn)})");
        }

        sb.AppendLine($"  {v.Method} {v.Path}{(v.Query is null ? string.Empty : "?" + v.Query)} alternates=[{string.Join(", ", v.AlternatePaths)}]")
            .AppendLine($"  headers: {string.Join("; ", v.Headers.Select(h => $"{h.Key}={h.Value}"))}")
            .AppendLine($"  now={v.NowUnixMs} ms, receiver={v.Receiver}");
        var body = Encoding.UTF8.GetString(v.Body);
        sb.AppendLine($"  body ({v.Body.Length} bytes): {(body.Length > 400 ? body[..400] + "…" : body)}");
        var canonical = v.Canonical ?? string.Empty;
        sb.AppendLine($"  SDK canonical: {(canonical.Length > 400 ? canonical[..400] + "…" : canonical)}");
        return sb.ToString();
    }
}
