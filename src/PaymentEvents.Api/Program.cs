using PaymentEvents;
using PaymentEvents.Api;
using PaymentEvents.Storage;

// `healthcheck`: the container's HEALTHCHECK (no shell or curl in the image), answered before any host is built.
if (args is [HealthcheckCommand.Name, .. var healthcheckArgs])
{
    return await HealthcheckCommand.RunAsync(healthcheckArgs);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddApiHost();
builder.AddPaymentEvents(typeof(Program).Assembly);
// Both storage engines, so Storage:Provider picks either (sqlite by default, postgres for replicas).
builder.Services.AddSqliteEventStore().AddPostgresEventStore();

var app = builder.Build();

// A failed start is one fatal line naming the setting, and exit code 1.
return await app.RunOrExitAsync(app =>
{
    app.UseApiHost();
    app.MapPaymentEvents();
});

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
