using System.Text.Json;
using CsCheck;
using PaymentEvents.Protocol;
using PaymentEvents.Tests.Interop;

namespace PaymentEvents.Tests.Protocol;

/// <summary>
/// Random raw query strings (docs/protocol.md §3: query parsed the <c>qs</c> way): C# signs each one,
/// the real verifySig parses the same raw string with <c>qs</c> (Express 4) and must accept it.
/// A disagreement in how the two sides parse a query shows up as a refused signature.
/// </summary>
public sealed class InteropQueryDifferentialTests
{
    private const int Queries = 400;
    private static readonly DateTimeOffset SignedAt = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<string> KeyToken = Gen.OneOf(
        "a", "b", "A", "10", "9", "k", "%C3%A9", "%E4%B8%AD", "a%5Bb%5D", "a[b]", "a[]", "a[0]", "a[1]", "a[3]", "a[25]",
        "a[b][c]", "a[b][]", "b[c][d][e][f][g][h]", "x.y", "%2B", "a+b", "%20", "%zz", "", "a[", "b]", "[x]", "a[%5D");

    private static readonly Gen<string> ValueToken = Gen.OneOf(
        "1", "2", "", "x+y", "%2B", "%26", "%3D", "%E4%B8%AD", "%F0%9F%98%80", "true", "false", "%zz", "a%20b", "%", "=", "a=b", "[1]", "%5B%5D");

    private static readonly Gen<string> Pair = Gen.Frequency(
        (8, Gen.Select(KeyToken, ValueToken, (k, v) => k + "=" + v)),
        (1, KeyToken),
        (1, Gen.Const(string.Empty)));

    private static readonly Gen<string> Query = Pair.Array[1, 7].Select(p => string.Join("&", p));

    [Fact]
    public async Task Sdk_parses_random_queries_like_the_csharp_signer()
    {
        InteropTool.RequireInstalled();
        var key = AppKey.Generate(WalletType.Arcblock);
        var body = "{\"id\":\"evt_query\",\"type\":\"invoice.paid\"}"u8.ToArray();
        var queries = Query.Array[Queries].Single().Distinct(StringComparer.Ordinal).ToArray();

        var time = VectorRunner.ClockAt(SignedAt.ToUnixTimeMilliseconds());
        var signer = new RequestSigner(key, time);
        var requests = queries.Select((q, i) =>
        {
            var h = signer.SignV1("POST", "/api/payment/callback", q, body);
            return new
            {
                name = $"q{i}",
                method = "POST",
                path = "/api/payment/callback",
                query = q,
                headers = new Dictionary<string, string>
                {
                    [SignatureHeaders.SignatureHeader] = h.Signature!,
                    [SignatureHeaders.IssuedAtHeader] = h.IssuedAt!,
                    [SignatureHeaders.ExpiresAtHeader] = h.ExpiresAt!,
                    [SignatureHeaders.VersionHeader] = h.Version!,
                },
                bodyBase64 = Convert.ToBase64String(body),
                publicKey = key.PublicKeyHex,
                walletType = "arcblock",
                nowUnixMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
                expectValid = true,
            };
        }).ToList();

        var file = Path.Combine(Path.GetTempPath(), $"paymentevents-interop-q-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { requests }));
            var (exitCode, stdout, stderr) = await InteropTool.RunNodeAsync("verify-requests.js", TimeSpan.FromSeconds(60), file);
            var failLines = stdout.Split('\n').Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).ToList();
            var shortest = failLines
                .Select(l => l[5..l.IndexOf(':', StringComparison.Ordinal)])
                .Select(n => queries[int.Parse(n[1..], System.Globalization.CultureInfo.InvariantCulture)])
                .OrderBy(q => q.Length)
                .Take(10)
                .ToList();
            Assert.True(exitCode == 0, $"the SDK refused {failLines.Count} of {requests.Count} C#-signed queries; shortest:\n{string.Join("\n", shortest)}\n{stderr}");
            Assert.Contains($"\"total\":{requests.Count},\"mismatches\":0", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
