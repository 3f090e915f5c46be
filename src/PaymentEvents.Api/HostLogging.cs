using PaymentEvents.Receiver;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Templates;
using Serilog.Templates.Themes;

namespace PaymentEvents.Api;

/// <summary>
/// Serilog for the host: the <c>Serilog</c> configuration section, plus a console sink when it names none
/// (text, or compact JSON with <c>Logging:Format=json</c>), trace and span ids on every line, and one request
/// line per HTTP request with the event id and type of a delivery attached (never headers, keys or signatures).
/// </summary>
internal static class HostLogging
{
    public const string FormatKey = "Logging:Format";

    // Text: one line per event; the trace/span and event ids only when there are some.
    private const string TextTemplate =
        "[{@t:HH:mm:ss} {@l:u3}] {SourceContext}: {@m}"
        + "{#if PaymentEventId is not null} (event {PaymentEventId} {EventType}){#end}"
        + "{#if @tr is not null} [trace {@tr} span {@sp}]{#end}\n{@x}";

    public static WebApplicationBuilder AddHostLogging(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<LogFormatOptions>()
            .Bind(configuration.GetSection("Logging"))
            .Validate(o => o.IsJson || o.IsText, $"{FormatKey} must be 'text' or 'json'.")
            .ValidateOnStart();

        // preserveStaticLogger: no process-wide Log.Logger, so several hosts (tests) never share one; the request
        // logging middleware gets this host's logger explicitly (UseRequestLogging).
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger
                    .MinimumLevel.Information()
                    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                    .ReadFrom.Configuration(configuration)
                    .ReadFrom.Services(services)
                    .Enrich.FromLogContext()
                    // The host logs a failed start with its stack trace; StartupFailure logs it as one line instead.
                    .Filter.ByExcluding("EventId.Name = 'HostedServiceStartupFaulted'");
                if (!configuration.GetSection("Serilog:WriteTo").GetChildren().Any())
                {
                    if (new LogFormatOptions { Format = configuration[FormatKey] }.IsJson)
                    {
                        logger.WriteTo.Console(new RenderedCompactJsonFormatter());
                    }
                    else
                    {
                        logger.WriteTo.Console(new ExpressionTemplate(TextTemplate, theme: Console.IsOutputRedirected ? null : TemplateTheme.Code));
                    }
                }
            },
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>One line per request: method, path (no query), status, time; the delivery's event id and type.</summary>
    public static IApplicationBuilder UseRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // Probes and scrapes are frequent and say nothing new: Debug, unless they fail.
            options.GetLevel = (http, _, error) =>
                error is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : IsProbe(http.Request.Path) && http.Response.StatusCode < 400 ? LogEventLevel.Debug
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                if (http.Features.Get<ReceivedEventFeature>() is { } received)
                {
                    diagnostics.Set("PaymentEventId", received.Id);
                    diagnostics.Set("EventType", received.Type);
                }
            };
        });

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");

    /// <summary><c>Logging:Format</c>: <c>text</c> (default) or <c>json</c> (compact JSON, one object per line).</summary>
    internal sealed class LogFormatOptions
    {
        public string? Format { get; set; }

        public bool IsJson => string.Equals(Format?.Trim(), "json", StringComparison.OrdinalIgnoreCase);

        public bool IsText => string.IsNullOrWhiteSpace(Format) || string.Equals(Format.Trim(), "text", StringComparison.OrdinalIgnoreCase);
    }
}
