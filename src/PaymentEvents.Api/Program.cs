using PaymentEvents;
using PaymentEvents.Api;
using PaymentEvents.Storage;

// `healthcheck`: the container's HEALTHCHECK (no shell or curl in the image), answered before any host is built.
if (args is [HealthcheckCommand.Name, .. var healthcheckArgs])
{
    return await HealthcheckCommand.RunAsync(healthcheckArgs);
}

// A failed start, from an unreadable appsettings.json to a bad setting, is one fatal line naming it, and exit code 1.
return await PaymentEventsStartup.RunOrExitAsync(
    args,
    builder =>
    {
        builder.AddApiHost();
        builder.AddPaymentEvents(typeof(Program).Assembly);
        // Both storage engines, so Storage:Provider picks either (sqlite by default, postgres for replicas).
        builder.Services.AddSqliteEventStore().AddPostgresEventStore();
    },
    app =>
    {
        app.UseApiHost();
        app.MapPaymentEvents();
        // /readyz and /metrics for the operators (INTERFACE.md); an embedding app maps these where it wants them.
        app.MapPaymentEventsManagement();
    });

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
