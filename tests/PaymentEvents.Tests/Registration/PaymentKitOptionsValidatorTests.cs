using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Tests.Registration;

public sealed class PaymentKitOptionsValidatorTests
{
    private static readonly string Sk = AppKey.Generate().SecretKeyHex;

    private static ValidateOptionsResult Validate(Action<PaymentKitOptions> configure, string environment = "Production")
    {
        var options = new PaymentKitOptions();
        configure(options);
        return new PaymentKitOptionsValidator(new Env(environment)).Validate(null, options);
    }

    [Fact]
    public void Empty_configuration_is_valid_and_registration_off()
    {
        var options = new PaymentKitOptions();
        Assert.True(new PaymentKitOptionsValidator(new Env("Production")).Validate(null, options).Succeeded);
        Assert.False(options.RegistrationEnabled);
    }

    [Fact]
    public void Complete_registration_configuration_is_valid()
    {
        var result = Validate(o =>
        {
            o.BaseUrl = new Uri("https://app.example/payment-kit");
            o.AppSk = Sk;
            o.CallbackUrl = new Uri("https://shop.example/api/payment/callback");
        });
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("http://shop.example/api/payment/callback", "Production", false)]
    [InlineData("http://shop.example/api/payment/callback", "Development", true)]
    [InlineData("http://localhost:5000/api/payment/callback", "Production", true)]
    [InlineData("http://127.0.0.1:5000/api/payment/callback", "Production", true)]
    [InlineData("ftp://shop.example/callback", "Development", false)]
    public void Callback_url_must_be_https_except_loopback_or_development(string url, string environment, bool valid)
    {
        var result = Validate(o => o.CallbackUrl = new Uri(url), environment);
        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("PaymentKit:CallbackUrl must be an absolute https URL", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("not-hex")]
    [InlineData("0xZZ")]
    [InlineData("0x123")]
    [InlineData("1234abcd")]
    public void Bad_secret_key_names_the_setting_without_echoing_it(string sk)
    {
        var result = Validate(o => o.AppSk = sk);
        Assert.False(result.Succeeded);
        Assert.Contains("PaymentKit:AppSk is not valid hex", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(sk, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_without_secret_key_or_callback_is_a_clear_error()
    {
        var result = Validate(o => o.BaseUrl = new Uri("https://app.example/payment-kit"));
        Assert.False(result.Succeeded);
        Assert.Contains(result.Failures!, f => f.Contains("PaymentKit:AppSk is missing", StringComparison.Ordinal) && f.Contains("PaymentKit:Register=false", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("PaymentKit:CallbackUrl is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Register_false_needs_no_secret_key()
    {
        var result = Validate(o =>
        {
            o.BaseUrl = new Uri("https://app.example/payment-kit");
            o.Register = false;
        });
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("eth", WalletType.Ethereum)]
    [InlineData("ETHEREUM", WalletType.Ethereum)]
    [InlineData("default", WalletType.Arcblock)]
    [InlineData("", WalletType.Arcblock)]
    public void Wallet_type_names_accepted_by_the_key_ring_pass_validation(string value, WalletType expected)
    {
        // The validator and the receiver's key ring read PaymentKit:WalletType with the same parser.
        Assert.True(Validate(o => o.WalletType = value).Succeeded);
        Assert.Equal(expected, new PaymentKitOptions { WalletType = value }.ParsedWalletType);
    }

    [Fact]
    public void Bad_wallet_type_and_public_keys_name_their_settings()
    {
        var result = Validate(o =>
        {
            o.WalletType = "bitcoin";
            o.AppPk = "0xnothex";
            o.TrustedKeys.Add("abc");
        });
        Assert.Contains(result.Failures!, f => f.StartsWith("PaymentKit:WalletType", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("PaymentKit:AppPk", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("PaymentKit:TrustedKeys:0", StringComparison.Ordinal));
    }

    [Fact]
    public void Add_webhook_registration_validates_on_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PaymentKit:BaseUrl"] = "https://app.example/payment-kit",
            ["PaymentKit:CallbackUrl"] = "https://shop.example/api/payment/callback",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddWebhookRegistration(configuration);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PaymentKitOptions>>().Value);
        Assert.Contains("PaymentKit:AppSk is missing", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(provider.GetService<IStartupValidator>());
    }

    [Theory]
    [InlineData("00:00:00", true)]
    [InlineData("01:00:00", true)]
    [InlineData("00:00:10", false)]
    [InlineData("-00:01:00", false)]
    public void Recheck_interval_is_off_or_at_least_a_minute(string interval, bool valid)
    {
        var result = Validate(o => o.RecheckInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("PaymentKit:RecheckInterval", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = "/";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
