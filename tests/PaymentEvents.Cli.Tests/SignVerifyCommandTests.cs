using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Cli.Tests.Infrastructure;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Cli.Tests;

public sealed class SignVerifyCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("paymentevents-cli-sign-").FullName;

    [Fact]
    public async Task Verify_on_a_request_captured_from_trigger_prints_valid_then_the_reason_once_tampered()
    {
        using var host = new DevelopmentHost();
        host.Start();
        var recorder = new RecordingHandler();
        var sent = await CliRunner.RunAsync(
            ["trigger", "checkout.session.completed", "--url", DevelopmentHost.CallbackUrl, "--data-dir", host.DataDir],
            httpClient: () => host.CreateDefaultClient(recorder));
        Assert.True(sent.ExitCode == 0, sent.ToString());
        var captured = Assert.Single(recorder.Requests);

        var headersFile = Write("headers.txt", string.Join("\n", captured.Headers.Select(h => $"{h.Key}: {h.Value}")));
        var bodyFile = Write("body.json", captured.Body);
        var pk = DevelopmentKeyStore.TryLoad(host.DataDir)!.Key.PublicKeyHex;

        var valid = await CliRunner.RunAsync(["verify", "--headers", headersFile, "--body", bodyFile, "--url", DevelopmentHost.CallbackUrl, "--pk", pk]);
        Assert.True(valid.ExitCode == 0, valid.ToString());
        Assert.StartsWith("Valid", valid.Stdout, StringComparison.Ordinal);

        var tampered = Write("tampered.json", captured.Body.Replace("checkout.session.completed", "checkout.session.expired", StringComparison.Ordinal));
        var invalid = await CliRunner.RunAsync(["verify", "--headers", headersFile, "--body", tampered, "--url", DevelopmentHost.CallbackUrl, "--pk", pk, "--json"]);
        Assert.Equal(1, invalid.ExitCode);
        using var verdict = JsonDocument.Parse(invalid.Stdout);
        Assert.False(verdict.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(nameof(VerificationStatus.NoTrustedKeyMatched), verdict.RootElement.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(verdict.RootElement.GetProperty("reason").GetString()));

        var otherPath = await CliRunner.RunAsync(["verify", "--headers", headersFile, "--body", bodyFile, "--url", "http://localhost/other/callback", "--pk", pk]);
        Assert.Equal(1, otherPath.ExitCode);
    }

    [Fact]
    public async Task Sign_prints_headers_that_verify_and_a_curl_command()
    {
        var key = AppKey.Generate();
        var body = Write("event.json", """{"id":"evt_sign","type":"invoice.paid","data":{"object":{"amount":"1000000000000000000"}}}""");

        var result = await CliRunner.RunAsync(["sign", body, "--url", "https://shop.example/pay/api/payment/callback?tenant=a", "--key", key.SecretKeyHex]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var headers = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("x-component-", StringComparison.Ordinal))
            .Select(l => l.Split(": ", 2))
            .ToDictionary(p => p[0], p => p[1]);
        var signature = new SignatureHeaders(headers["x-component-sig"], headers["x-component-sig-iat"], headers["x-component-sig-exp"], headers["x-component-sig-version"]);
        var iat = DateTimeOffset.FromUnixTimeSeconds(long.Parse(signature.IssuedAt!, CultureInfo.InvariantCulture));
        var verifier = new SignatureVerifier(new KeyRing([key.ToTrustedKey("k")]), new SignatureVerifierOptions(), new FakeTimeProvider(iat));
        var verdict = verifier.Verify(new SignedRequest("POST", "/pay/api/payment/callback", "tenant=a", File.ReadAllBytes(body), signature));
        Assert.Equal(VerificationStatus.Valid, verdict.Status);
        Assert.Contains("curl -sS -X POST 'https://shop.example/pay/api/payment/callback?tenant=a'", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("-H 'x-component-sig: " + signature.Signature + "'", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_judges_an_old_capture_as_expired_unless_asked_about_its_own_time()
    {
        var key = AppKey.Generate();
        var signedAt = new DateTimeOffset(2025, 2, 19, 3, 46, 42, TimeSpan.Zero);
        var body = Encoding.UTF8.GetBytes("""{"id":"evt_old","type":"invoice.paid"}""");
        var headers = new RequestSigner(key, new FakeTimeProvider(signedAt)).SignV1("POST", "/api/payment/callback", null, body);
        var headersFile = Write("old-headers.json", JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["x-component-sig"] = headers.Signature,
            ["x-component-sig-iat"] = headers.IssuedAt,
            ["x-component-sig-exp"] = headers.ExpiresAt,
            ["x-component-sig-version"] = headers.Version,
        }));
        var bodyFile = Write("old-body.json", Encoding.UTF8.GetString(body));

        var now = await CliRunner.RunAsync(["verify", "--headers", headersFile, "--body", bodyFile, "--url", "https://shop.example/api/payment/callback", "--pk", key.PublicKeyHex]);
        var then = await CliRunner.RunAsync(["verify", "--headers", headersFile, "--body", bodyFile, "--url", "https://shop.example/api/payment/callback", "--pk", key.PublicKeyHex, "--at", headers.IssuedAt!]);

        Assert.Equal(1, now.ExitCode);
        Assert.StartsWith(nameof(VerificationStatus.Expired), now.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, then.ExitCode);
    }

    [Fact]
    public async Task Verify_rejects_a_bad_public_key_naming_the_option()
    {
        var headersFile = Write("h.txt", "x-component-sig: 0x00");
        var bodyFile = Write("b.json", "{}");
        var result = await CliRunner.RunAsync(["verify", "--headers", headersFile, "--body", bodyFile, "--url", "https://shop.example/cb", "--pk", "0xzz"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--pk is not a valid arcblock public key", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Records what the CLI put on the wire, as a proxy's capture would.</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        public List<(Dictionary<string, string> Headers, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value)), body));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
