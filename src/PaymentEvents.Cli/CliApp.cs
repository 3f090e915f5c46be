using System.Reflection;
using PaymentEvents.Cli.Commands;
using PaymentEvents.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace PaymentEvents.Cli;

/// <summary>The <c>paymentevents</c> command tree.</summary>
public static class CliApp
{
    /// <summary>Exit code for invalid input or configuration (bad hex, unknown event type, missing key).</summary>
    public const int UsageError = 2;

    /// <summary>Exit code when the remote side failed or was unreachable, or a signature was invalid.</summary>
    public const int Failure = 1;

    /// <summary>What <c>paymentevents --version</c> prints: the package version (from the git tag, MinVer) and commit.</summary>
    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("paymentevents");
            config.SetApplicationVersion(Version);
            // A mistyped option (--coutn 5) is an error with a suggestion, never silently ignored.
            config.UseStrictParsing();
            config.ConfigureConsole(environment.Console);
            config.Settings.Registrar.RegisterInstance(environment);
            // One place turns a failure into "error: <message>" on stderr and an exit code, so commands just throw:
            // a CliException carries its own code; anything else (a bad option, say) is a usage error.
            config.SetExceptionHandler((ex, _) =>
            {
                environment.Error.WriteLine($"error: {CliErrors.Describe(ex, args)}");
                return ex is CliException cli ? cli.ExitCode : UsageError;
            });

            config.AddCommand<KeygenCommand>("keygen")
                .WithDescription("Generate an app key pair and print it as configuration lines.")
                .WithExample("keygen")
                .WithExample("keygen", "--type", "ethereum", "--json");
            config.AddCommand<TriggerCommand>("trigger")
                .WithDescription("Send a signed sample event to a callback URL.")
                .WithExample("trigger", "customer.subscription.started", "--url", "http://127.0.0.1:5080/api/payment/callback")
                .WithExample("trigger", "invoice.paid", "--url", "http://127.0.0.1:5080/api/payment/callback", "--set", "data.object.status=paid", "--count", "100");
            config.AddCommand<SignCommand>("sign")
                .WithDescription("Sign a JSON body and print the headers and a curl command.")
                .WithExample("sign", "event.json", "--url", "http://127.0.0.1:5080/api/payment/callback");
            config.AddCommand<VerifyCommand>("verify")
                .WithDescription("Verify a captured request's signature and print why it is (not) valid.")
                .WithExample("verify", "--headers", "headers.txt", "--body", "body.json", "--url", "https://shop.example/api/payment/callback", "--pk", "0x...");
            config.AddBranch("events", events =>
            {
                events.SetDescription("List, show, replay or follow stored events through the service's admin API (--api-key or PAYMENTEVENTS_API_KEY).");
                events.AddCommand<EventsListCommand>("list").WithDescription("List stored events, newest first.")
                    .WithExample("events", "list", "--status", "dead", "--url", "http://127.0.0.1:5080");
                events.AddCommand<EventsShowCommand>("show").WithDescription("Show one event: status, every attempt, the payload.")
                    .WithExample("events", "show", "evt_123");
                events.AddCommand<EventsReplayCommand>("replay").WithDescription("Queue one event, or every dead event (of a type), again.")
                    .WithExample("events", "replay", "evt_123")
                    .WithExample("events", "replay", "--status", "dead", "--type", "invoice.paid");
                events.AddCommand<EventsTailCommand>("tail").WithDescription("Follow new deliveries live, one line each, until Ctrl+C.")
                    .WithExample("events", "tail", "--type", "invoice.paid");
            });
            config.AddBranch("endpoints", endpoints =>
            {
                endpoints.SetDescription("List, ensure or delete webhook endpoints at a real Payment Kit.");
                endpoints.AddCommand<EndpointsListCommand>("list").WithDescription("List every webhook endpoint.");
                endpoints.AddCommand<EndpointsEnsureCommand>("ensure").WithDescription("Create or update our endpoint (what the service does at startup).");
                endpoints.AddCommand<EndpointsDeleteCommand>("delete").WithDescription("Delete one endpoint by id.");
            });
        });
        return app.RunAsync(args, cancellationToken);
    }
}
