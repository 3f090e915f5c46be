using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Cli.Tests.Infrastructure;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Cli.Tests;

public sealed class KeygenCommandTests
{
    [Theory]
    [InlineData("arcblock", WalletType.Arcblock)]
    [InlineData("ethereum", WalletType.Ethereum)]
    public async Task Output_loads_as_configuration_whose_keys_sign_and_verify(string type, WalletType walletType)
    {
        var result = await CliRunner.RunAsync(["keygen", "--type", type]);
        Assert.True(result.ExitCode == 0, result.ToString());

        // The lines are env-var form: KEY__SUB=value. Load them the way the host would.
        var pairs = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0].Replace("__", ":", StringComparison.Ordinal), p => (string?)p[1]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(pairs).Build();
        var options = configuration.GetSection(PaymentKitOptions.SectionName).Get<PaymentKitOptions>()!;
        Assert.True(new PaymentKitOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(walletType, options.ParsedWalletType);

        var key = AppKey.FromSecretKeyHex(options.AppSk!, options.ParsedWalletType);
        Assert.Equal(options.AppPk, key.PublicKeyHex);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var body = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"invoice.paid"}""");
        var headers = new RequestSigner(key, time).SignV1("POST", "/api/payment/callback", null, body);
        var verifier = new SignatureVerifier(new KeyRing([TrustedKey.FromHex("AppPk", options.AppPk!, options.ParsedWalletType)]), new SignatureVerifierOptions(), time);
        Assert.Equal(VerificationStatus.Valid, verifier.Verify(new SignedRequest("POST", "/api/payment/callback", null, body, headers)).Status);
        Assert.Contains(key.Address, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_carries_the_same_key_pair()
    {
        var result = await CliRunner.RunAsync(["keygen", "--json"]);
        using var doc = JsonDocument.Parse(result.Stdout);
        var sk = doc.RootElement.GetProperty("app_sk").GetString()!;
        Assert.Equal(AppKey.FromSecretKeyHex(sk).PublicKeyHex, doc.RootElement.GetProperty("app_pk").GetString());
        Assert.Equal("arcblock", doc.RootElement.GetProperty("wallet_type").GetString());
    }

    [Fact]
    public async Task Two_runs_give_different_keys()
    {
        var a = await CliRunner.RunAsync(["keygen", "--json"]);
        var b = await CliRunner.RunAsync(["keygen", "--json"]);
        Assert.NotEqual(a.Stdout, b.Stdout);
    }

    [Fact]
    public async Task Unknown_type_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(["keygen", "--type", "bitcoin"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--type must be 'arcblock' or 'ethereum'", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }
}
