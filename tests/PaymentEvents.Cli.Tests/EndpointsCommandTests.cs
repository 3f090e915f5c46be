using System.Text.Json;
using PaymentEvents.Cli.Tests.Infrastructure;
using PaymentEvents.Protocol;

namespace PaymentEvents.Cli.Tests;

public sealed class EndpointsCommandTests : IDisposable
{
    private readonly AppKey key = AppKey.Generate();
    private readonly FakePaymentKit paymentKit;

    public EndpointsCommandTests() => paymentKit = new FakePaymentKit(key, TimeProvider.System);

    [Fact]
    public async Task Ensure_creates_then_leaves_alone_list_shows_it_and_delete_removes_it()
    {
        var other = paymentKit.Seed("https://crm.example/hook");

        var created = await Run("endpoints", "ensure", "--callback-url", "https://shop.example/api/payment/callback", "--events", "invoice.paid,refund.succeeded", "--instance", "prod", "--json");
        Assert.True(created.ExitCode == 0, created.ToString());
        using (var doc = JsonDocument.Parse(created.Stdout))
        {
            Assert.Equal("created", doc.RootElement.GetProperty("action").GetString());
        }

        var again = await Run("endpoints", "ensure", "--callback-url", "https://shop.example/api/payment/callback", "--events", "refund.succeeded", "--events", "invoice.paid", "--instance", "prod", "--json");
        using (var doc = JsonDocument.Parse(again.Stdout))
        {
            Assert.Equal("unchanged", doc.RootElement.GetProperty("action").GetString());
        }

        var ours = paymentKit.Endpoints.Single(e => e.Id != other.Id);
        Assert.Equal(["invoice.paid", "refund.succeeded"], ours.EnabledEvents);
        Assert.Equal("prod", ours.Metadata!["instance"].GetString());

        var list = await Run("endpoints", "list", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        using (var doc = JsonDocument.Parse(list.Stdout))
        {
            Assert.Equal([other.Id, ours.Id], doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        }

        var table = await Run("endpoints", "list");
        Assert.Contains("https://crm.example/hook", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 endpoint(s)", table.Stdout, StringComparison.Ordinal);

        var deleted = await Run("endpoints", "delete", ours.Id);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Equal([other.Id], paymentKit.Endpoints.Select(e => e.Id));
        Assert.All(paymentKit.Requests, r => Assert.Equal(VerificationStatus.Valid, r.Verification.Status));
    }

    [Fact]
    public async Task Secret_key_can_come_from_the_environment()
    {
        var result = await CliRunner.RunAsync(
            ["endpoints", "list", "--base-url", FakePaymentKit.BaseUrl.ToString(), "--json"],
            paymentKitHandler: () => paymentKit,
            environmentVariables: new Dictionary<string, string> { ["PaymentKit__AppSk"] = key.SecretKeyHex });
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("[]", result.Stdout.Trim());
    }

    [Fact]
    public async Task A_rejected_signature_says_what_to_check()
    {
        var result = await CliRunner.RunAsync(
            ["endpoints", "list", "--base-url", FakePaymentKit.BaseUrl.ToString(), "--sk", AppKey.Generate().SecretKeyHex],
            paymentKitHandler: () => paymentKit);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("401 verify sig failed", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--sk", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_unknown_id_reports_payment_kits_message()
    {
        var result = await Run("endpoints", "delete", "we_missing");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("webhook endpoint we_missing not found", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, paymentKit.Count(HttpMethod.Delete.Method));
    }

    [Fact]
    public async Task Missing_secret_key_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(["endpoints", "list", "--base-url", FakePaymentKit.BaseUrl.ToString()], paymentKitHandler: () => paymentKit);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--sk is required", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(paymentKit.Requests);
    }

    public void Dispose() => paymentKit.Dispose();

    private Task<CliResult> Run(params string[] args)
        => CliRunner.RunAsync([.. args, "--base-url", FakePaymentKit.BaseUrl.ToString(), "--sk", key.SecretKeyHex], paymentKitHandler: () => paymentKit);
}
