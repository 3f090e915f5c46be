using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PaymentEvents.Cli.Infrastructure;
using PaymentEvents.Registration;
using Spectre.Console.Cli;

namespace PaymentEvents.Cli.Commands;

/// <summary>Connection options of the <c>endpoints</c> commands (a real Payment Kit).</summary>
internal class EndpointsSettings : CommandSettings
{
    [CommandOption("--base-url <URL>")]
    [Description("Payment Kit's base URL, with its mount path (e.g. https://app.example/payment-kit). Default: PaymentKit__BaseUrl")]
    public string? BaseUrl { get; init; }

    [CommandOption("--sk <HEX>")]
    [Description("App secret key that signs the calls (0x hex). Default: PaymentKit__AppSk (keeps it off the command line)")]
    public string? SecretKey { get; init; }

    [CommandOption("--wallet-type <TYPE>")]
    [Description("arcblock (default) or ethereum")]
    public string? WalletType { get; init; }

    [CommandOption("--component-did <DID>")]
    [Description("Sent as x-component-did. Default: PaymentKit__ComponentDid")]
    public string? ComponentDid { get; init; }

    [CommandOption("--livemode")]
    [Description("Work on live-mode endpoints (default: test mode)")]
    public bool Livemode { get; init; }

    [CommandOption("--json")]
    [Description("Machine-readable output")]
    public bool Json { get; init; }

    /// <summary>A small container with the same client and resilience the service uses.</summary>
    public ServiceProvider BuildServices(CliEnvironment environment, Action<PaymentKitOptions>? configure = null)
    {
        var baseUrl = Keys.ParseUrl(BaseUrl ?? environment.GetEnvironmentVariable("PaymentKit__BaseUrl"), "--base-url");
        var sk = SecretKey ?? environment.GetEnvironmentVariable("PaymentKit__AppSk");
        if (string.IsNullOrWhiteSpace(sk))
        {
            throw new CliException("--sk is required (or set PaymentKit__AppSk): calls to Payment Kit are signed with the app secret key.");
        }

        var walletType = Keys.ParseWalletType(WalletType, "--wallet-type");
        _ = Keys.ParseSecretKey(sk, walletType, SecretKey is null ? "PaymentKit__AppSk" : "--sk");

        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(environment.TimeProvider);
        services.Configure<PaymentKitOptions>(o =>
        {
            o.BaseUrl = baseUrl;
            o.AppSk = sk;
            o.WalletType = walletType.ToString().ToLowerInvariant();
            o.ComponentDid = ComponentDid ?? environment.GetEnvironmentVariable("PaymentKit__ComponentDid");
            o.Livemode = Livemode;
            configure?.Invoke(o);
        });

        // A person is waiting: fewer, shorter retries than the background service.
        services.Configure<PaymentKitResilienceOptions>(o =>
        {
            o.MaxRetryAttempts = 2;
            o.AttemptTimeout = TimeSpan.FromSeconds(15);
            o.TotalTimeout = TimeSpan.FromSeconds(45);
        });
        var client = services.AddPaymentKitClient();
        if (environment.PaymentKitHandler is { } handler)
        {
            client.ConfigurePrimaryHttpMessageHandler(handler);
        }

        services.AddTransient<WebhookEndpointReconciler>();
        return services.BuildServiceProvider();
    }

    /// <summary>Prints a failed call and returns the exit code.</summary>
    public static int Fail(CliEnvironment environment, PaymentKitError error)
    {
        var hint = error.IsAuthenticationFailure
            ? " Payment Kit rejected the signature: check --sk/PaymentKit__AppSk, --wallet-type and --component-did."
            : error.StatusCode is null ? " Check --base-url and that Payment Kit is running." : "";
        environment.Error.WriteLine($"error: {error}.{hint}");
        return CliApp.Failure;
    }
}
