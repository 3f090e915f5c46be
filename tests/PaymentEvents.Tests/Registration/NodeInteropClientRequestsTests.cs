using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaymentEvents.Registration;

namespace PaymentEvents.Tests.Registration;

/// <summary>
/// The requests our <see cref="PaymentKitClient"/> signs must pass the REAL <c>verifySig</c> of
/// <c>@blocklet/sdk@1.17.12</c> (what Payment Kit runs). Captured from the fake, checked by
/// <c>tests/interop/verify-client-requests.js</c>.
/// </summary>
public sealed class NodeInteropClientRequestsTests
{
    [Fact]
    public async Task Client_requests_pass_the_real_sdk_verifier()
    {
        var interop = FindInteropDirectory();
        await using var h = new RegistrationHarness(settings: new Dictionary<string, string?> { ["PaymentKit:ExtraEvents:0"] = "refund.canceled" });
        var stale = h.PaymentKit.Seed("https://old.example/hook", ["invoice.paid"], FakePaymentKit.Metadata(("managed_by", "payment-events"), ("instance", "test"), ("note", "café ✓ <&>")));

        // list + update through the reconciler, then create/retrieve/delete directly.
        var reconciler = new WebhookEndpointReconciler(h.Client);
        var ensured = await reconciler.EnsureAsync(new DesiredEndpoint(RegistrationHarness.CallbackUrl, ["customer.subscription.started", "refund.canceled"], "test"), CancellationToken.None);
        Assert.Equal(RegistrationAction.Updated, ensured.Value!.Action);
        var created = await h.Client.CreateAsync(new WebhookEndpointWrite { Url = "https://second.example/api/payment/callback?tenant=a b", EnabledEvents = ["invoice.paid"], Description = "Zweiter Empfänger 🚀", Metadata = FakePaymentKit.Metadata(("amount", "1000000000000000000")) });
        Assert.Null(created.Error);
        Assert.Null((await h.Client.RetrieveAsync(stale.Id)).Error);
        Assert.Null((await h.Client.DeleteAsync(created.Value!.Id)).Error);

        var requests = h.PaymentKit.Requests.ToArray();
        Assert.Equal(["GET", "PUT", "POST", "GET", "DELETE"], requests.Select(r => r.Method));
        var capture = new JsonObject
        {
            ["app_sk"] = h.Key.SecretKeyHex,
            ["requests"] = new JsonArray([.. requests.Select((r, i) => (JsonNode)new JsonObject
            {
                ["name"] = $"{i}:{r.Method}",
                ["method"] = r.Method,
                ["url"] = r.Query is null ? r.Path : $"{r.Path}?{r.Query}",
                ["headers"] = new JsonObject([.. r.Headers.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value)))]),
                ["body"] = r.Body,
            })]),
        };
        var file = Path.Combine(Path.GetTempPath(), $"pe-client-requests-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, capture.ToJsonString());
        try
        {
            var (exitCode, stdout, stderr) = await RunNodeAsync(interop, file);
            Assert.True(exitCode == 0, $"verify-client-requests.js exited {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
            using var result = JsonDocument.Parse(stdout);
            Assert.True(result.RootElement.GetProperty("ok").GetBoolean());
            Assert.Equal("1.17.12", result.RootElement.GetProperty("sdk").GetString());
            var verdicts = result.RootElement.GetProperty("results").EnumerateArray().ToArray();
            Assert.Equal(requests.Length, verdicts.Length);
            Assert.All(verdicts, v =>
            {
                Assert.True(v.GetProperty("accepted").GetBoolean(), v.ToString());
                Assert.True(v.GetProperty("tampered_rejected").GetBoolean(), v.ToString());
            });

            // Control: the same requests checked against another app's key must all be refused.
            capture["app_sk"] = PaymentEvents.Protocol.AppKey.Generate().SecretKeyHex;
            await File.WriteAllTextAsync(file, capture.ToJsonString());
            var (wrongKeyExit, wrongKeyStdout, _) = await RunNodeAsync(interop, file);
            Assert.Equal(1, wrongKeyExit);
            using var refused = JsonDocument.Parse(wrongKeyStdout);
            Assert.All(refused.RootElement.GetProperty("results").EnumerateArray(), v => Assert.False(v.GetProperty("accepted").GetBoolean(), v.ToString()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string FindInteropDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "interop");
            if (File.Exists(Path.Combine(candidate, "verify-client-requests.js")))
            {
                Assert.True(
                    Directory.Exists(Path.Combine(candidate, "node_modules", "@blocklet", "sdk")),
                    $"@blocklet/sdk is not installed in {candidate}. Run: cd tests/interop && npm ci --ignore-scripts (the CI script does this).");
                return candidate;
            }
        }

        Assert.Fail("tests/interop/verify-client-requests.js not found above " + AppContext.BaseDirectory);
        return "";
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunNodeAsync(string workingDirectory, string file)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("verify-client-requests.js");
        start.ArgumentList.Add(file);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"node is not on PATH ({ex.Message}); install Node.js 18+ to run the interop checks.");
            throw;
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
