using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentEvents.Admin;
using PaymentEvents.Dashboard;
using PaymentEvents.EventBus;
using PaymentEvents.Handlers;
using PaymentEvents.Hosting;
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
    /// Registers the receiver, storage, processing, handlers found in <paramref name="handlerAssemblies"/>
    /// (the entry assembly when none are named), the event bus and webhook registration.
    /// </summary>
    public static IHostApplicationBuilder AddPaymentEvents(this IHostApplicationBuilder builder, params Assembly[] handlerAssemblies)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        var assemblies = handlerAssemblies is { Length: > 0 }
            ? handlerAssemblies
            : Assembly.GetEntryAssembly() is { } entry ? [entry] : [];

        // Handlers first: registration subscribes to the types they handle (its default provider reads the registry).
        services.AddPaymentEventHandlers(assemblies);

        // Binds and validates PaymentKit:* (ValidateOnStart) and registers the endpoint in the background.
        services.AddWebhookRegistration(configuration);
        // Storage:* and ConnectionStrings:PaymentEvents, validated on start; the schema is migrated before serving.
        services.AddEventStorage(configuration);

        // ForwardedHeaders:KnownProxies/KnownNetworks; the host applies them with app.UseTrustedProxies().
        services.AddTrustedProxies(configuration);
        // OpenTelemetry: metrics on /metrics (and OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set), traces.
        services.AddPaymentEventsTelemetry(configuration);
        services.AddProblemDetails();
        // Kestrel:* honoured, and a connection cap below the descriptor limit unless Kestrel:Limits:MaxConcurrentConnections says otherwise.
        services.AddConnectionLimits(configuration);
        services.AddWebhookReceiver(configuration);
        // /healthz and /readyz; a host adds its own readiness checks with tags: ["ready"].
        services.AddPaymentEventsHealthChecks();
        services.AddOptions<PaymentEventsRouteOptions>().Bind(configuration.GetSection(PaymentEventsRouteOptions.SectionName));
        services.AddAdminApi(configuration);
        services.AddDashboard(configuration);
        services.AddEventProcessing(configuration);
        // The Blocklet event bus (Payment Kit's second way) and the component-environment defaults of PaymentKit:*.
        services.AddEventBus(configuration);
        return builder;
    }

    /// <summary>
    /// Maps the callback, health, metrics and admin routes and the dashboard into one group and returns it, so conventions chain onto
    /// all of them (<c>.RequireHost("pay.internal")</c>, <c>.RequireAuthorization(...)</c>: mind that Payment Kit
    /// must still reach the callback). Paths: <c>Webhooks:Path</c>, <c>Routes:Health</c>, <c>Routes:Ready</c>,
    /// <c>Routes:Metrics</c> (empty = not mapped).
    /// </summary>
    public static RouteGroupBuilder MapPaymentEvents(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var group = endpoints.MapGroup(string.Empty);

        var webhooks = services.GetRequiredService<IOptions<WebhookOptions>>().Value;
        group.MapCallback(webhooks.Path);
        var routes = services.GetRequiredService<IOptions<PaymentEventsRouteOptions>>().Value;
        group.MapHealth(routes.Health, routes.Ready);
        if (!string.IsNullOrWhiteSpace(routes.Metrics))
        {
            group.MapMetrics(routes.Metrics);
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
}
