using PaymentEvents.Proxies;

namespace PaymentEvents.Api;

/// <summary>The host's own concerns: logging, trusted proxies, error pages, OpenAPI and the Swagger UI (problem details: AddPaymentEvents).</summary>
internal static class ApiHostExtensions
{
    public static WebApplicationBuilder AddApiHost(this WebApplicationBuilder builder)
    {
        builder.AddHostLogging();
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiKeySecurityTransformer>();
            options.AddOperationTransformer<ApiKeySecurityTransformer>();
            options.AddDocumentTransformer<WebhookDocumentTransformer>();
            options.AddOperationTransformer<WebhookDocumentTransformer>();
        });
        return builder;
    }

    public static WebApplication UseApiHost(this WebApplication app)
    {
        // First: everything after it sees the client's address, scheme and the trusted proxy's prefix.
        app.UseTrustedProxies();
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // The API description says what the service accepts: on in Development, elsewhere only with OpenApi:Enabled=true.
        if (app.Configuration.GetValue("OpenApi:Enabled", app.Environment.IsDevelopment()))
        {
            app.MapOpenApi(); // /openapi/v1.json
            app.UseSwaggerUI(options =>
            {
                // Relative, so the UI finds the document behind a proxy prefix too (/pay/swagger -> /pay/openapi/v1.json).
                options.SwaggerEndpoint("../openapi/v1.json", "PaymentEvents v1");
                options.RoutePrefix = "swagger";
            });
        }

        return app;
    }
}
