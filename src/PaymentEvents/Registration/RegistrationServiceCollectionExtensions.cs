using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PaymentEvents.Handlers;
using Polly;
using Polly.Retry;

namespace PaymentEvents.Registration;

/// <summary>DI entry points of the registration feature.</summary>
internal static class RegistrationServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>PaymentKit</c> (at startup) with the Blocklet component variables as defaults, registers
    /// <see cref="PaymentKitClient"/> and the background <see cref="WebhookRegistrationService"/> (which writes the
    /// shared <see cref="RegistrationState"/>, <c>AddPaymentEventsShared</c>).
    /// The subscribed event types come from a <see cref="HandledEventsProvider"/>: by default the
    /// <see cref="HandlerRegistry"/>'s handled types and catch-all flag (plus <c>PaymentKit:ExtraEvents</c>);
    /// register your own provider before calling this to override it.
    /// </summary>
    public static IServiceCollection AddWebhookRegistration(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PaymentKitOptions>()
            .Bind(configuration.GetSection(PaymentKitOptions.SectionName))
            .ValidateOnStart();
        services.AddBlockletPaymentKitDefaults(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PaymentKitOptions>, PaymentKitOptionsValidator>());
        services.AddOptions<PaymentKitResilienceOptions>()
            .Bind(configuration.GetSection(PaymentKitResilienceOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.BaseDelay > TimeSpan.Zero && o.AttemptTimeout > TimeSpan.Zero && o.TotalTimeout >= o.AttemptTimeout, "PaymentKit:Http: BaseDelay and AttemptTimeout must be positive and TotalTimeout at least AttemptTimeout.")
            .ValidateOnStart();

        services.AddPaymentKitClient();
        services.TryAddSingleton<HandledEventsProvider>(sp => () =>
        {
            // Resolved when registration runs, so handler discovery (dispatch) has finished.
            var registry = sp.GetService<HandlerRegistry>();
            return registry is null ? HandledEvents.None : new HandledEvents([.. registry.HandledEventTypes], registry.HasCatchAll);
        });
        services.TryAddSingleton<WebhookEndpointReconciler>();
        services.AddHostedService<WebhookRegistrationService>();
        return services;
    }

    /// <summary>
    /// The Blocklet component environment, read lazily from the host's configuration (where environment variables are
    /// keys of the same name; <paramref name="configuration"/> when the container has none), and the <c>PaymentKit:*</c>
    /// defaults it supplies (<see cref="BlockletPaymentKitDefaults"/>); the Blocklet event bus reads the same environment.
    /// </summary>
    public static IServiceCollection AddBlockletPaymentKitDefaults(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(sp => BlockletComponentEnvironment.From(sp.GetService<IConfiguration>() ?? configuration));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<PaymentKitOptions>, BlockletPaymentKitDefaults>(sp =>
            new BlockletPaymentKitDefaults(sp.GetRequiredService<BlockletComponentEnvironment>(), sp.GetService<IConfiguration>() ?? configuration)));
        return services;
    }

    /// <summary>
    /// Registers the typed <see cref="PaymentKitClient"/>: resilience (retry 5xx/408/429/timeouts/refused with
    /// exponential backoff honouring Retry-After; other 4xx never) outside, request signing inside, so each
    /// attempt is signed afresh. Options come from <see cref="PaymentKitOptions"/> (configure them yourself when
    /// not using <see cref="AddWebhookRegistration"/>, as the CLI does) and the clock from the registered
    /// <see cref="TimeProvider"/> (the host's shared one; the CLI registers its own).
    /// </summary>
    public static IHttpClientBuilder AddPaymentKitClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ComponentCallSigningHandler)))
        {
            // Already set up (AddWebhookRegistration and a host both calling this): a second resilience
            // handler would retry inside the first one.
            return services.AddHttpClient<PaymentKitClient>();
        }

        services.AddTransient<ComponentCallSigningHandler>();
        services.AddOptions<PaymentKitResilienceOptions>();

        var builder = services.AddHttpClient<PaymentKitClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler("payment-kit", static (pipeline, context) =>
        {
            var settings = context.ServiceProvider.GetRequiredService<IOptions<PaymentKitResilienceOptions>>().Value;
            pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            pipeline
                .AddTimeout(settings.TotalTimeout)
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = settings.MaxRetryAttempts,
                    Delay = settings.BaseDelay,
                    MaxDelay = settings.MaxDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = settings.UseJitter,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args)),
                })
                .AddTimeout(settings.AttemptTimeout);
        });
        builder.AddHttpMessageHandler<ComponentCallSigningHandler>();
        return builder;
    }

    /// <summary>
    /// Transient failures (docs/protocol.md §4): no response, timeouts, 408, 429, 5xx. A POST (create) is retried only
    /// when Payment Kit cannot have acted on it (refused connection, 429, 503): retrying one that timed out or
    /// failed with 500 could create a second endpoint.
    /// </summary>
    private static bool ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args)
    {
        var outcome = args.Outcome;
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        var method = outcome.Result?.RequestMessage?.Method ?? args.Context.GetRequestMessage()?.Method;
        if (method != HttpMethod.Post)
        {
            return true;
        }

        return outcome.Result is { } response
            ? response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            : outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
    }
}
