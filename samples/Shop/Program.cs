using PaymentEvents;
using PaymentEvents.Proxies;
using PaymentEvents.Storage;
using Shop;

var builder = WebApplication.CreateBuilder(args);

// The signed callback, the inbox and the processor; the handlers are this app's IPaymentEventHandler<T> classes.
builder.AddPaymentEvents(typeof(Program).Assembly); // TODO(surface): no argument once it finds the app's own assembly
builder.Services.AddSqliteEventStore();
builder.Services.AddSingleton<PaidInvoices>();

var app = builder.Build();

// A bad setting stops the start with one log line naming it, and exit code 1.
return await app.RunOrExitAsync(app =>
{
    app.UseTrustedProxies();
    app.MapPaymentEvents();
    app.MapGet("/invoices/paid", (PaidInvoices paid) => paid.Ids);
});
