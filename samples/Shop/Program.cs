using PaymentEvents;
using PaymentEvents.Proxies;
using PaymentEvents.Storage;
using Shop;

// A failed start, from a malformed appsettings.json to a bad setting or no handler class, is one fatal line naming
// it, and exit code 1.
return await PaymentEventsStartup.RunOrExitAsync(
    args,
    builder =>
    {
        // The signed callback, the inbox and the processor; the handlers are this app's IPaymentEventHandler<T> classes.
        builder.AddPaymentEvents();
        builder.Services.AddSqliteEventStore();
        builder.Services.AddSingleton<PaidInvoices>();
    },
    app =>
    {
        app.UseTrustedProxies();
        // The callback, /healthz, and the admin API and dashboard when configured: what may face the internet.
        // /readyz and /metrics are not mapped here (MapPaymentEventsManagement() maps them where operators reach).
        app.MapPaymentEvents();
        app.MapGet("/invoices/paid", (PaidInvoices paid) => paid.Ids);
    });
