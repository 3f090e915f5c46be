using PaymentEvents;
using PaymentEvents.Proxies;
using PaymentEvents.Storage;

var builder = WebApplication.CreateBuilder(args);

// The signed callback, the durable inbox and the processor that runs the handler classes under Handlers/.
builder.AddPaymentEvents(typeof(Program).Assembly); // TODO(surface): no argument once it finds the app's own assembly
#if (storage == "postgres")
builder.Services.AddPostgresEventStore();
#else
builder.Services.AddSqliteEventStore();
#endif

var app = builder.Build();

// A bad setting stops the start with one log line naming it, and exit code 1.
return await app.RunOrExitAsync(app =>
{
    // X-Forwarded-* from the proxies in ForwardedHeaders:KnownProxies (loopback by default).
    app.UseTrustedProxies();
    // The callback (Webhooks:Path), /healthz, and the admin API and dashboard when Admin:ApiKey is set.
    app.MapPaymentEvents();
    // TODO(surface): app.MapPaymentEventsManagement() (/readyz, /metrics) on a port the internet does not reach.
});
