using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PaymentEvents.Handlers;
using PaymentEvents.Protocol;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Hosting;

/// <summary>
/// A team's own app, composed the way the README shows (<c>PaymentEventsStartup.RunOrExitAsync</c>,
/// <c>AddPaymentEvents()</c> with no argument, <c>MapPaymentEvents()</c> only), started through the public startup
/// guard. <c>--applicationName</c> stands in for the app's own assembly, as under WebApplicationFactory, where the
/// entry assembly is the test runner and holds no handler.
/// </summary>
public sealed class EmbeddingTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("paymentevents-embedding-").FullName;
    private readonly FakeLogCollector _logs = new();

    public void Dispose() => TempDirectory.Delete(_dataDir);

    [Fact]
    public async Task An_app_with_no_handler_class_fails_its_start_as_one_line_naming_the_assembly_scanned()
    {
        // PaymentEvents.Sqlite is a real, loadable assembly with no handler class in it.
        var exitCode = await PaymentEventsStartup.RunOrExitAsync(Args("PaymentEvents.Sqlite"), Configure, app => app.MapPaymentEvents());

        Assert.Equal(1, exitCode);
        var fatal = Assert.Single(_logs.GetSnapshot(), r => r.Level == LogLevel.Critical);
        Assert.Contains("Processing:Enabled is true but no payment event handler class was found in the application assembly (PaymentEvents.Sqlite)", fatal.Message, StringComparison.Ordinal);
        Assert.Contains("builder.AddPaymentEvents(typeof(MyHandler).Assembly)", fatal.Message, StringComparison.Ordinal);
        Assert.Contains("Processing:Enabled=false", fatal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', fatal.Message);
    }

    [Fact]
    public async Task The_same_app_receive_only_starts_without_handlers()
    {
        var (exitCode, status) = await RunAndProbeAsync(Args("PaymentEvents.Sqlite", "--Processing:Enabled=false"), ["/healthz"]);

        Assert.Equal(HttpStatusCode.OK, status["/healthz"]);
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Level == LogLevel.Critical);
    }

    [Fact]
    public async Task Without_an_argument_AddPaymentEvents_finds_the_handlers_of_the_application_assembly()
    {
        HandlerRegistry? registry = null;
        var (exitCode, _) = await RunAndProbeAsync(Args("PaymentEvents.Api"), ["/healthz"], app =>
        {
            app.MapPaymentEvents();
            registry = app.Services.GetRequiredService<HandlerRegistry>();
        });

        Assert.Equal(0, exitCode);
        Assert.Contains(typeof(PaymentEvents.Api.Handlers.InvoicePaidHandler), registry!.HandlerTypes);
    }

    [Fact]
    public async Task MapPaymentEvents_alone_publishes_neither_readiness_details_nor_metrics()
    {
        var (_, status) = await RunAndProbeAsync(Args("PaymentEvents.Api"), ["/healthz", "/readyz", "/metrics"]);

        Assert.Equal(HttpStatusCode.OK, status["/healthz"]);
        Assert.Equal(HttpStatusCode.NotFound, status["/readyz"]);
        Assert.Equal(HttpStatusCode.NotFound, status["/metrics"]);
    }

    [Fact]
    public async Task MapPaymentEventsManagement_maps_readiness_and_metrics_where_the_host_chains_them()
    {
        var (_, status) = await RunAndProbeAsync(
            Args("PaymentEvents.Api"),
            ["/readyz", "/metrics", "http://ops.internal/readyz", "http://ops.internal/metrics"],
            app =>
            {
                app.MapPaymentEvents();
                app.MapPaymentEventsManagement().RequireHost("ops.internal");
            });

        Assert.Equal(HttpStatusCode.NotFound, status["/readyz"]);
        Assert.Equal(HttpStatusCode.NotFound, status["/metrics"]);
        Assert.Equal(HttpStatusCode.OK, status["http://ops.internal/readyz"]);
        Assert.Equal(HttpStatusCode.OK, status["http://ops.internal/metrics"]);
    }

    [Fact]
    public async Task In_Development_the_trigger_hint_names_the_address_the_app_really_listens_on()
    {
        // No PaymentKit:AppPk in Development: the generated development key is trusted, and once Kestrel has bound a
        // free port the app says how to send it a test event there (not at some launch profile's port).
        string[] args =
        [
            "--applicationName=PaymentEvents.Api",
            "--environment=Development",
            "--urls=http://127.0.0.1:0",
            $"--Storage:DataDir={_dataDir}",
        ];
        var started = new TaskCompletionSource<WebApplication>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = PaymentEventsStartup.RunOrExitAsync(
            args,
            builder =>
            {
                builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(_logs));
                builder.AddPaymentEvents();
                builder.Services.AddSqliteEventStore();
            },
            app =>
            {
                app.Lifetime.ApplicationStarted.Register(() => started.SetResult(app));
                app.MapPaymentEvents();
            });

        var app = await started.Task.WaitAsync(StartTimeout);
        var address = new Uri(app.Urls.Single());
        app.Lifetime.StopApplication();
        Assert.Equal(0, await run.WaitAsync(StartTimeout));

        var hint = Assert.Single(_logs.GetSnapshot(), r => r.Message.Contains("paymentevents trigger", StringComparison.Ordinal) && r.Message.Contains("--url", StringComparison.Ordinal));
        Assert.Contains($"--data-dir {Path.GetFullPath(_dataDir)} --url http://127.0.0.1:{address.Port}/api/payment/callback", hint.Message, StringComparison.Ordinal);
    }

    private string[] Args(string applicationName, params string[] more) =>
    [
        $"--applicationName={applicationName}",
        "--environment=Production",
        $"--Storage:DataDir={_dataDir}",
        $"--PaymentKit:AppPk={AppKey.Generate().PublicKeyHex}",
        .. more,
    ];

    private void Configure(WebApplicationBuilder builder)
    {
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(_logs));
        builder.AddPaymentEvents();
        builder.Services.AddSqliteEventStore();
    }

    /// <summary>Runs the app through the startup guard, GETs <paramref name="paths"/> once it has started, stops it and returns its exit code.</summary>
    private async Task<(int ExitCode, Dictionary<string, HttpStatusCode> Status)> RunAndProbeAsync(string[] args, string[] paths, Action<WebApplication>? configureApp = null)
    {
        WebApplication? running = null;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = PaymentEventsStartup.RunOrExitAsync(args, Configure, app =>
        {
            running = app;
            app.Lifetime.ApplicationStarted.Register(started.SetResult);
            if (configureApp is null)
            {
                app.MapPaymentEvents();
            }
            else
            {
                configureApp(app);
            }
        });

        var status = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal);
        if (await Task.WhenAny(started.Task, run).WaitAsync(StartTimeout) == started.Task)
        {
            using var client = running!.GetTestClient();
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.RelativeOrAbsolute));
                status[path] = response.StatusCode;
            }

            running!.Lifetime.StopApplication();
        }

        var exitCode = await run.WaitAsync(StartTimeout);
        Assert.True(started.Task.IsCompleted, $"The app did not start (exit code {exitCode}): {string.Join(" | ", _logs.GetSnapshot().Select(r => r.Message))}");
        return (exitCode, status);
    }
}
