using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaymentEvents.Registration;

/// <summary>
/// Registers our webhook endpoint with Payment Kit in the background (docs/protocol.md §4): never blocks or fails
/// startup. Payment Kit down or answering 5xx: retried with capped exponential backoff until it works or
/// the app stops. Payment Kit refusing us (4xx): logged with what to fix, state Failed, retried slowly.
/// </summary>
internal sealed partial class WebhookRegistrationService(
    WebhookEndpointReconciler reconciler,
    RegistrationState state,
    HandledEventsProvider handledEvents,
    IOptions<PaymentKitOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookRegistrationService> logger) : BackgroundService
{
    /// <summary>First delay after a transient failure; doubles up to <see cref="MaxTransientDelay"/>.</summary>
    public static readonly TimeSpan InitialTransientDelay = TimeSpan.FromSeconds(2);

    /// <summary>Cap of the transient backoff.</summary>
    public static readonly TimeSpan MaxTransientDelay = TimeSpan.FromMinutes(5);

    /// <summary>Delay after Payment Kit rejected us (4xx): a config fix is needed, so no tight loop.</summary>
    public static readonly TimeSpan RejectedRetryDelay = TimeSpan.FromMinutes(10);

    /// <summary>The events to subscribe to: handled types plus <c>ExtraEvents</c>, or <c>["*"]</c>.</summary>
    public static IReadOnlyList<string> ComputeEnabledEvents(HandledEvents handled, PaymentKitOptions options)
    {
        ArgumentNullException.ThrowIfNull(handled);
        ArgumentNullException.ThrowIfNull(options);
        if (options.SubscribeAll && handled.HasCatchAll)
        {
            return ["*"];
        }

        return [.. handled.Types.Concat(options.ExtraEvents).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let host startup continue before the first network call.
        await Task.Yield();
        var settings = options.Value;
        if (!settings.RegistrationEnabled)
        {
            var why = settings.Register ? "PaymentKit:BaseUrl is not set" : "PaymentKit:Register is false";
            state.Set(new(RegistrationStatus.Disabled, Reason: why, UpdatedAt: timeProvider.GetUtcNow()));
            LogDisabled(logger, why);
            return;
        }

        var handled = handledEvents();
        var events = ComputeEnabledEvents(handled, settings);
        if (events.Count == 0)
        {
            const string why = "no event types to subscribe to: add handlers, list types in PaymentKit:ExtraEvents, or set PaymentKit:SubscribeAll=true with a catch-all handler";
            state.Set(new(RegistrationStatus.Disabled, Reason: why, UpdatedAt: timeProvider.GetUtcNow()));
            LogNothingToSubscribe(logger);
            return;
        }

        var desired = new DesiredEndpoint(settings.CallbackUrl!.AbsoluteUri, events, settings.InstanceName);
        var baseUrl = settings.BaseUrl!.ToString();
        var transientDelay = InitialTransientDelay;
        var registeredOnce = false;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            PaymentKitResult<ReconcileOutcome> result;
            try
            {
                result = await reconciler.EnsureAsync(desired, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            TimeSpan delay;
            if (result.IsSuccess)
            {
                var outcome = result.Value!;
                var recheck = settings.RecheckInterval > TimeSpan.Zero ? timeProvider.GetUtcNow() + settings.RecheckInterval : (DateTimeOffset?)null;
                state.Set(new(RegistrationStatus.Registered, outcome.Endpoint.Id, outcome.Action, NextRetryAt: recheck, Attempts: attempt, UpdatedAt: timeProvider.GetUtcNow()));
                if (registeredOnce && outcome.Action == RegistrationAction.Unchanged)
                {
                    LogRecheckUnchanged(logger, outcome.Endpoint.Id);
                }
                else
                {
                    LogRegistered(logger, outcome.Endpoint.Id, outcome.Action, desired.Url, events.Count, attempt);
                }

                if (outcome.OtherMatches.Count > 0 && !registeredOnce)
                {
                    LogOtherMatches(logger, outcome.OtherMatches, outcome.Endpoint.Id);
                }

                registeredOnce = true;
                transientDelay = InitialTransientDelay;
                if (recheck is null)
                {
                    return;
                }

                // Check again later: an operator may disable or delete the endpoint, or Payment Kit's data be restored.
                delay = settings.RecheckInterval;
                if (!await DelayAsync(delay, stoppingToken).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            var error = result.Error;
            if (error.Transient)
            {
                delay = transientDelay;
                transientDelay = TimeSpan.FromTicks(Math.Min(transientDelay.Ticks * 2, MaxTransientDelay.Ticks));
                LogTransientFailure(logger, baseUrl, error.ToString(), delay, attempt);
            }
            else
            {
                delay = RejectedRetryDelay;
                transientDelay = InitialTransientDelay;
                if (error.IsAuthenticationFailure)
                {
                    LogSignatureRejected(logger, (int)error.StatusCode!.Value, error.Message, delay);
                }
                else
                {
                    LogRejected(logger, error.ToString(), delay);
                }
            }

            var next = timeProvider.GetUtcNow() + delay;
            state.Set(new(RegistrationStatus.Failed, Reason: error.ToString(), NextRetryAt: next, Attempts: attempt, UpdatedAt: timeProvider.GetUtcNow()));
            if (!await DelayAsync(delay, stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Waits on the injected clock; false when the app is stopping.</summary>
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Webhook registration is off ({Reason}); Payment Kit must be told about the callback URL some other way")]
    private static partial void LogDisabled(ILogger logger, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Webhook registration skipped: no event types to subscribe to. Add handlers, list types in PaymentKit:ExtraEvents, or set PaymentKit:SubscribeAll=true with a catch-all handler")]
    private static partial void LogNothingToSubscribe(ILogger logger);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Webhook endpoint {EndpointId} {Action} at Payment Kit for {Url} ({EventCount} event types, attempt {Attempt})")]
    private static partial void LogRegistered(ILogger logger, string endpointId, RegistrationAction action, string url, int eventCount, int attempt);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Debug, Message = "Webhook endpoint {EndpointId} re-checked at Payment Kit: unchanged")]
    private static partial void LogRecheckUnchanged(ILogger logger, string endpointId);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Endpoints {OtherIds} also look like ours (same URL or marker); using {EndpointId} and leaving them alone. Delete duplicates with 'paymentevents endpoints delete <id>'")]
    private static partial void LogOtherMatches(ILogger logger, IReadOnlyList<string> otherIds, string endpointId);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Payment Kit at {BaseUrl} is not reachable or failing ({Error}); retrying registration in {Delay} (attempt {Attempt}). Check that Payment Kit is running and PaymentKit:BaseUrl is right")]
    private static partial void LogTransientFailure(ILogger logger, string baseUrl, string error, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "Payment Kit rejected our signature ({StatusCode}: {Error}): check PaymentKit:AppSk (the app's secret key), PaymentKit:WalletType and PaymentKit:ComponentDid. Retrying in {Delay}")]
    private static partial void LogSignatureRejected(ILogger logger, int statusCode, string error, TimeSpan delay);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Error, Message = "Payment Kit refused the webhook registration ({Error}): check PaymentKit:CallbackUrl, PaymentKit:ExtraEvents and PaymentKit:BaseUrl. Retrying in {Delay}")]
    private static partial void LogRejected(ILogger logger, string error, TimeSpan delay);
}
