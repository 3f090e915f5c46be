using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using PaymentEvents.Hosting;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.Tests.Registration;

/// <summary>
/// The registration feature wired as the host wires it (<see cref="RegistrationServiceCollectionExtensions.AddWebhookRegistration"/>),
/// over a <see cref="FakePaymentKit"/>, with fake time and captured logs.
/// </summary>
internal sealed class RegistrationHarness : IAsyncDisposable
{
    public const string CallbackUrl = "https://shop.example/api/payment/callback";

    public RegistrationHarness(HandledEvents? handled = null, IDictionary<string, string?>? settings = null)
    {
        Time = new TimerTrackingTimeProvider(DateTimeOffset.UtcNow);
        Key = AppKey.Generate();
        PaymentKit = new FakePaymentKit(Key, Time);

        var values = new Dictionary<string, string?>
        {
            ["PaymentKit:BaseUrl"] = FakePaymentKit.BaseUrl.ToString(),
            ["PaymentKit:AppSk"] = Key.SecretKeyHex,
            ["PaymentKit:CallbackUrl"] = CallbackUrl,
            ["PaymentKit:ComponentDid"] = "z8iZpaymentEventsTest",
            ["PaymentKit:InstanceName"] = "test",
            ["PaymentKit:Http:UseJitter"] = "false",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            values[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddPaymentEventsShared();
        var handledEvents = handled ?? new HandledEvents(["customer.subscription.started", "invoice.paid"], HasCatchAll: false);
        services.AddSingleton<HandledEventsProvider>(() => handledEvents);
        services.AddWebhookRegistration(configuration);
        services.AddHttpClient<PaymentKitClient>().ConfigurePrimaryHttpMessageHandler(() => PaymentKit);
        Services = services.BuildServiceProvider();
        State = Services.GetRequiredService<RegistrationState>();
        Logs = Services.GetRequiredService<FakeLogCollector>();
        Service = Services.GetServices<IHostedService>().OfType<WebhookRegistrationService>().Single();
    }

    public TimerTrackingTimeProvider Time { get; }

    public AppKey Key { get; }

    public FakePaymentKit PaymentKit { get; }

    public ServiceProvider Services { get; }

    public RegistrationState State { get; }

    public FakeLogCollector Logs { get; }

    public WebhookRegistrationService Service { get; }

    public PaymentKitClient Client => Services.GetRequiredService<PaymentKitClient>();

    public Task StartAsync() => Service.StartAsync(CancellationToken.None);

    /// <summary>Starts the service and waits until its first reconciliation has registered our endpoint.</summary>
    public async Task StartAndWaitUntilRegisteredAsync()
    {
        await StartAsync();
        await WaitUntilAsync(() => State.Current.Status == RegistrationStatus.Registered, "registration");
    }

    /// <summary>Waits (real time, bounded) until <paramref name="condition"/> holds, without moving fake time.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, string what) => Poll.UntilAsync(condition, what: what);

    /// <summary>
    /// Moves fake time forward in <paramref name="step"/>s until <paramref name="condition"/> holds; returns how much
    /// fake time that took. Timers can only fire late under load, never early, so "not before X" checks stay sound.
    /// </summary>
    public async Task<TimeSpan> AdvanceUntilAsync(Func<bool> condition, TimeSpan step, TimeSpan maxFakeTime, string what)
    {
        var advanced = TimeSpan.Zero;
        await Poll.UntilAsync(condition, what: what, betweenChecks: () =>
        {
            if (advanced > maxFakeTime)
            {
                throw new TimeoutException($"Timed out waiting for {what} (advanced {advanced} of fake time).");
            }

            Time.Advance(step);
            advanced += step;
        });
        return advanced;
    }

    /// <summary>
    /// Advances fake time by <paramref name="total"/> in <paramref name="step"/>s. Before the first step and after
    /// each one it waits (real time, bounded) until <paramref name="waiting"/> holds, i.e. the code under test is parked
    /// at its waiting point again: the delay is registered before time moves, and whatever a step made due has run
    /// (and parked again) before the next step and before the caller's "nothing happened" assertions.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan step, Func<bool> waiting, string what)
    {
        await WaitUntilAsync(waiting, what);
        for (var t = TimeSpan.Zero; t < total; t += step)
        {
            Time.Advance(step);
            await WaitUntilAsync(waiting, $"{what} (after advancing {t + step})");
        }
    }

    /// <summary>The service is parked in its delay: the timer for <see cref="RegistrationSnapshot.NextRetryAt"/> is armed.</summary>
    public bool ServiceIsWaitingForNextAttempt() =>
        State.Current.NextRetryAt is { } next && Time.HasPendingTimerAt(next);

    /// <summary>The service has ended and left no armed timer behind that could make anything call Payment Kit again.</summary>
    public bool ServiceHasEndedWithNoTimerArmed() =>
        Service.ExecuteTask is { IsCompleted: true } && Time.PendingDueTimes.Count == 0;

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Service.StopAsync(cts.Token);
        await Services.DisposeAsync();
        PaymentKit.Dispose();
    }
}
