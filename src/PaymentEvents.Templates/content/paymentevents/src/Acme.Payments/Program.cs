using PaymentEvents;
using PaymentEvents.Proxies;
using PaymentEvents.Storage;

// A failed start, from a malformed appsettings.json to a bad setting or no handler class, is one fatal line naming
// it, and exit code 1.
return await PaymentEventsStartup.RunOrExitAsync(
    args,
    builder =>
    {
        // The signed callback, the durable inbox and the processor that runs the handler classes under Handlers/.
        builder.AddPaymentEvents();
#if (storage == "postgres")
        builder.Services.AddPostgresEventStore();
#else
        builder.Services.AddSqliteEventStore();
#endif
    },
    app =>
    {
        // X-Forwarded-* from the proxies in ForwardedHeaders:KnownProxies (loopback by default).
        app.UseTrustedProxies();
        // The callback (Webhooks:Path), /healthz, and the admin API and dashboard when Admin:ApiKey is set.
        app.MapPaymentEvents();
        // /readyz (check details) and /metrics for operators. The reverse proxy forwards only the callback (see the
        // README); where this port itself faces the internet, restrict them: .RequireHost("*:9090").
        app.MapPaymentEventsManagement();
    });
