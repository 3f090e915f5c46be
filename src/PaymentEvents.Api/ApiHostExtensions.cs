using PaymentEvents.Proxies;
using Serilog;

namespace PaymentEvents.Api;

/// <summary>The host's own concerns: Serilog, problem details for errors, OpenAPI and the Swagger UI.</summary>
internal static class ApiHostExtensions
{
    public static WebApplicationBuilder AddApiHost(this WebApplicationBuilder builder)
    {
        // Serilog from the "Serilog" configuration section (console sink in appsettings.json).
        // preserveStaticLogger: no process-wide Log.Logger, so several hosts (tests) never share one.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiKeySecurityTransformer>();
            options.AddOperationTransformer<ApiKeySecurityTransformer>();
        });
        return builder;
    }

    public static WebApplication UseApiHost(this WebApplication app)
    {
        // First: everything after it sees the client's address, scheme and the trusted proxy's prefix.
        app.UseTrustedProxies();
        app.UseSerilogRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapOpenApi(); // /openapi/v1.json
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "PaymentEvents v1");
            options.RoutePrefix = "swagger";
        });
        return app;
    }
}
