using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentEvents.Admin;
using PaymentEvents.Blocklet;
using PaymentEvents.Dashboard;
using PaymentEvents.Handlers;
using PaymentEvents.Hosting;
using PaymentEvents.Operations;
using PaymentEvents.Processing;
using PaymentEvents.Proxies;
using PaymentEvents.Receiver;
using PaymentEvents.Receiver.Health;
using PaymentEvents.Registration;
using PaymentEvents.Storage;
using PaymentEvents.Telemetry;

namespace PaymentEvents;

/// <summary>Entry points a host calls: <c>builder.AddPaymentEvents()</c> and <c>app.MapPaymentEvents()</c>.</summary>
public static class PaymentEventsHostingExtensions
{
    /// <summary>
    /// Registers the receiver, storage, processing, the handler classes found in <paramref name="handlerAssemblies"/>,
    /// the event bus and webhook registration. With no assembly named, the application's own assembly is scanned
    /// (<see cref="IHostEnvironment.ApplicationName"/>: the project holding <c>Program</c>, also under
    /// <c>WebApplicationFactory</c>, where the entry assembly is the test runner). With processing on
    /// (<c>Processing:Enabled</c>, the default) and no handler class found, the start fails naming the assemblies
    /// scanned: an event acknowledged to Payment Kit must never be marked ignored because its handler was not found.
    /// </summary>
    /// <param name="builder">The host's builder (<c>WebApplication.CreateBuilder(args)</c>).</param>
    /// <param name="handlerAssemblies">Where the handler classes are, e.g. <c>typeof(InvoicePaidHandler).Assembly</c>.</param>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddPaymentEvents(this IHostApplicationBuilder builder, params Assembly[] handlerAssemblies)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handlerAssemblies);
        var services = builder.Services;
        var configuration = builder.Configuration;
        var assemblies = handlerAssemblies.Length > 0 ? handlerAssemblies : ApplicationAssembly(builder.Environment);
        services.AddSingleton(new HandlerScan(handlerAssemblies.Length > 0 ? "the assemblies passed to AddPaymentEvents" : "the application assembly", [.. assemblies.Select(a => a.GetName().Name ?? a.FullName ?? "?")], builder.Environment.ApplicationName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProcessingOptions>, HandlersFoundValidator>());

        // What more than one feature uses (clock, metrics, inbox signal, registration state, problem details), once;
        // the features below do not add these themselves.
        services.AddPaymentEventsShared();
        services.AddPaymentEventHandlers(assemblies);

        // Binds and validates PaymentKit:* (ValidateOnStart; the Blocklet component variables are its defaults) and
        // registers the endpoint in the background, subscribed to the handlers' types (read when it runs).
        services.AddWebhookRegistration(configuration);
        // Storage:* and ConnectionStrings:PaymentEvents, validated on start; the schema is migrated before serving.
        services.AddEventStorage(configuration);

        // ForwardedHeaders:KnownProxies/KnownNetworks; the host applies them with app.UseTrustedProxies().
        services.AddTrustedProxies(configuration);
        // OpenTelemetry: metrics on /metrics (and OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set), traces.
        services.AddPaymentEventsTelemetry(configuration);
        // Kestrel:* honoured, and a connection cap below the descriptor limit unless Kestrel:Limits:MaxConcurrentConnections says otherwise.
        services.AddConnectionLimits(configuration);
        services.AddWebhookReceiver(configuration);
        // /healthz and /readyz; a host adds its own readiness checks with tags: ["ready"].
        services.AddPaymentEventsHealthChecks();
        services.AddOptions<PaymentEventsRouteOptions>().Bind(configuration.GetSection(PaymentEventsRouteOptions.SectionName));
        // Replay and resolve, one set for the admin API and the dashboard.
        services.TryAddSingleton<EventActions>();
        services.AddAdminApi(configuration);
        services.AddDashboard(configuration);
        services.AddEventProcessing(configuration);
        // The Blocklet event bus: Payment Kit's second way in.
        services.AddBlockletEventBus(configuration);
        return builder;
    }

    /// <summary><see cref="IHostEnvironment.ApplicationName"/> as an assembly; none when it cannot be loaded (the start then says so).</summary>
    private static Assembly[] ApplicationAssembly(IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(environment.ApplicationName))
        {
            return [];
        }

        try
        {
            return [Assembly.Load(environment.ApplicationName)];
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return [];
        }
    }

    /// <summary>
    /// Maps what may face the internet: the callback (<c>Webhooks:Path</c>), liveness (<c>Routes:Health</c>, 200 with no
    /// details), and, when configured, the admin API and the dashboard (both behind the admin keys or
    /// <c>Dashboard:AuthorizationPolicy</c>). Readiness with its details and the metrics are not mapped here: call
    /// <see cref="MapPaymentEventsManagement"/> where operators reach them. Returns the group, so conventions chain onto
    /// all of these routes (<c>.RequireHost(...)</c>; mind that Payment Kit must still reach the callback).
    /// </summary>
    /// <param name="endpoints">The application (<c>app</c>).</param>
    /// <returns>The group holding these routes.</returns>
    public static RouteGroupBuilder MapPaymentEvents(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var group = endpoints.MapGroup(string.Empty);

        var webhooks = services.GetRequiredService<IOptions<WebhookOptions>>().Value;
        group.MapCallback(webhooks.Path);
        var routes = services.GetRequiredService<IOptions<PaymentEventsRouteOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(routes.Health))
        {
            group.MapLiveness(routes.Health);
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminEndpoints).FullName!);
        if (services.GetRequiredService<IOptions<AdminOptions>>().Value.Enabled)
        {
            group.MapAdmin();
            AdminLog.Enabled(logger);
        }
        else
        {
            AdminLog.Disabled(logger);
        }

        var dashboard = services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        if (dashboard.AuthorizationPolicy is not null || services.GetRequiredService<IOptions<AdminOptions>>().Value.Enabled)
        {
            group.MapDashboard(dashboard);
            AdminLog.DashboardEnabled(logger, dashboard.Path, dashboard.AuthorizationPolicy ?? "the admin keys");
        }
        else
        {
            AdminLog.DashboardDisabled(logger);
        }

        return group;
    }

    /// <summary>
    /// Maps the operators' routes: readiness with every check's details (<c>Routes:Ready</c>, default <c>/readyz</c>)
    /// and Prometheus metrics, the app's own ASP.NET Core instruments included (<c>Routes:Metrics</c>, default
    /// <c>/metrics</c>); an empty path leaves that route out. Not part of <see cref="MapPaymentEvents"/>, so an app that
    /// mounts the callback on its public port publishes neither by default. Chain where they answer:
    /// <c>app.MapPaymentEventsManagement().RequireHost("*:9090")</c> (a port only the monitoring network reaches), or
    /// <c>.RequireAuthorization("ops")</c>.
    /// </summary>
    /// <param name="endpoints">The application (<c>app</c>).</param>
    /// <returns>The group holding these routes.</returns>
    public static RouteGroupBuilder MapPaymentEventsManagement(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(string.Empty);
        var routes = endpoints.ServiceProvider.GetRequiredService<IOptions<PaymentEventsRouteOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(routes.Ready))
        {
            group.MapReadiness(routes.Ready);
        }

        if (!string.IsNullOrWhiteSpace(routes.Metrics))
        {
            group.MapMetrics(routes.Metrics);
        }

        return group;
    }
}
