using System.Net;
using System.Text.Json;
using PaymentEvents.Cli.Tests.Infrastructure;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Cli.Tests;

public sealed class TriggerCommandTests
{
    [Fact]
    public async Task Trigger_signs_with_the_development_key_and_the_host_stores_the_event()
    {
        using var host = new DevelopmentHost();
        host.Start();

        var result = await CliRunner.RunAsync(
            ["trigger", "customer.subscription.started", "--url", DevelopmentHost.CallbackUrl, "--data-dir", host.DataDir, "--set", "data.object.status=past_due", "--json"],
            httpClient: () => host.CreateClient());

        Assert.True(result.ExitCode == 0, result.ToString());
        using var output = JsonDocument.Parse(result.Stdout);
        Assert.Equal(200, output.RootElement.GetProperty("status").GetInt32());
        // The receiver's answer as JSON, not as an escaped string.
        Assert.False(output.RootElement.GetProperty("body").GetProperty("duplicate").GetBoolean());
        var id = output.RootElement.GetProperty("event_id").GetString()!;

        var stored = await host.Store.GetAsync(id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("customer.subscription.started", stored.Type);
        using var payload = JsonDocument.Parse(stored.Payload);
        Assert.Equal("past_due", payload.RootElement.GetProperty("data").GetProperty("object").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Trigger_says_on_stderr_which_development_key_it_signed_with_and_where_it_found_it()
    {
        using var host = new DevelopmentHost();
        host.Start();
        var devKey = DevelopmentKeyStore.TryLoad(host.DataDir)!;

        var result = await CliRunner.RunAsync(
            ["trigger", "invoice.paid", "--url", DevelopmentHost.CallbackUrl, "--data-dir", host.DataDir, "--json"],
            httpClient: () => host.CreateClient());

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(devKey.Key.Address, line, StringComparison.Ordinal);
        Assert.Contains(devKey.Key.PublicKeyHex, line, StringComparison.Ordinal);
        Assert.Contains($"from the development key {devKey.FilePath}", line, StringComparison.Ordinal);
        Assert.Contains("only in Development", line, StringComparison.Ordinal);
        // stdout is still the one JSON line.
        Assert.Equal(200, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Trigger_names_the_environment_variable_its_key_came_from()
    {
        var key = AppKey.Generate();

        // Nothing listens on port 1: the key is announced before anything is sent.
        var result = await CliRunner.RunAsync(
            ["trigger", "invoice.paid", "--url", "http://127.0.0.1:1/api/payment/callback"],
            environmentVariables: new Dictionary<string, string> { ["PaymentKit__AppSk"] = key.SecretKeyHex });

        Assert.Contains($"Signing with {key.Address} (public key {key.PublicKeyHex}) from the PaymentKit__AppSk environment variable", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dup_sends_the_same_event_twice_and_the_second_is_a_duplicate()
    {
        using var host = new DevelopmentHost();
        host.Start();

        var result = await CliRunner.RunAsync(
            ["trigger", "invoice.paid", "--url", DevelopmentHost.CallbackUrl, "--data-dir", host.DataDir, "--dup", "--json"],
            httpClient: () => host.CreateClient());

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal(lines[0].GetProperty("event_id").GetString(), lines[1].GetProperty("event_id").GetString());
        Assert.False(lines[0].GetProperty("body").GetProperty("duplicate").GetBoolean());
        Assert.True(lines[1].GetProperty("body").GetProperty("duplicate").GetBoolean());
    }

    [Fact]
    public async Task Count_prints_a_summary_and_stores_every_event()
    {
        using var host = new DevelopmentHost();
        host.Start();

        var result = await CliRunner.RunAsync(
            ["trigger", "refund.succeeded", "--url", DevelopmentHost.CallbackUrl, "--data-dir", host.DataDir, "--count", "5", "--json"],
            httpClient: () => host.CreateClient());

        Assert.True(result.ExitCode == 0, result.ToString());
        using var summary = JsonDocument.Parse(result.Stdout);
        Assert.Equal(5, summary.RootElement.GetProperty("sent").GetInt32());
        Assert.Equal(5, summary.RootElement.GetProperty("statuses").GetProperty("200").GetInt32());
        var page = await host.Store.ListAsync(new Storage.EventQuery(Type: "refund.succeeded"), CancellationToken.None);
        Assert.Equal(5, page.Items.Count);
    }

    [Fact]
    public async Task Count_prints_a_table_for_people()
    {
        using var host = new DevelopmentHost();
        host.Start();

        var result = await CliRunner.RunAsync(
            ["trigger", "invoice.paid", "--url", DevelopmentHost.CallbackUrl, "--data-dir", host.DataDir, "--count", "3"],
            httpClient: () => host.CreateClient());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("status 200", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("p95", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_the_host_does_not_trust_gets_401_and_a_failing_exit_code()
    {
        using var host = new DevelopmentHost();
        host.Start();

        var result = await CliRunner.RunAsync(
            ["trigger", "invoice.paid", "--url", DevelopmentHost.CallbackUrl, "--key", AppKey.Generate().SecretKeyHex],
            httpClient: () => host.CreateClient());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("401", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V0_is_refused_unless_the_receiver_allows_it()
    {
        using var host = new DevelopmentHost();
        host.Start();

        var result = await CliRunner.RunAsync(
            ["trigger", "invoice.paid", "--url", DevelopmentHost.CallbackUrl, "--data-dir", host.DataDir, "--v0", "--json"],
            httpClient: () => host.CreateClient());

        Assert.Equal(1, result.ExitCode);
        using var output = JsonDocument.Parse(result.Stdout);
        Assert.NotEqual(200, output.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task V0_is_stored_when_the_receiver_allows_it()
    {
        using var host = new DevelopmentHost(new Dictionary<string, string> { ["Webhooks:AllowV0Signatures"] = "true" });
        host.Start();

        var result = await CliRunner.RunAsync(
            ["trigger", "payment_intent.succeeded", "--url", DevelopmentHost.CallbackUrl, "--data-dir", host.DataDir, "--v0", "--livemode", "--json"],
            httpClient: () => host.CreateClient());

        Assert.True(result.ExitCode == 0, result.ToString());
        using var output = JsonDocument.Parse(result.Stdout);
        var stored = await host.Store.GetAsync(output.RootElement.GetProperty("event_id").GetString()!, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.True(stored.Livemode);
    }

    [Fact]
    public async Task Unknown_event_type_lists_close_matches()
    {
        var result = await CliRunner.RunAsync(["trigger", "customer.subscription.startd", "--url", DevelopmentHost.CallbackUrl, "--key", AppKey.Generate().SecretKeyHex]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown event type 'customer.subscription.startd'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("customer.subscription.started", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0xnothex")]
    [InlineData("1234")]
    public async Task Bad_key_hex_is_a_usage_error_naming_the_option(string key)
    {
        var result = await CliRunner.RunAsync(["trigger", "invoice.paid", "--url", DevelopmentHost.CallbackUrl, "--key", key]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--key is not a valid arcblock secret key", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_development_key_says_how_to_get_one()
    {
        var empty = Directory.CreateTempSubdirectory("paymentevents-cli-nokey-").FullName;
        try
        {
            var result = await CliRunner.RunAsync(["trigger", "invoice.paid", "--url", DevelopmentHost.CallbackUrl, "--data-dir", empty]);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(DevelopmentKeyStore.FileName, result.Stderr, StringComparison.Ordinal);
            Assert.Contains("--key", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task Unreachable_url_is_reported_clearly()
    {
        // A loopback port nothing listens on: the connection is refused at once.
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await CliRunner.RunAsync(["trigger", "invoice.paid", "--url", $"http://127.0.0.1:{port}/api/payment/callback", "--key", AppKey.Generate().SecretKeyHex]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Could not reach http://127.0.0.1:{port}/api/payment/callback", result.Stderr, StringComparison.Ordinal);
    }
}
