using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentEvents.Events.Samples;
using PaymentEvents.Processing;
using PaymentEvents.Protocol;
using PaymentEvents.Receiver;
using PaymentEvents.Storage;

namespace PaymentEvents.Testing;

/// <summary>
/// Runs the app whose entry point is <typeparamref name="TEntryPoint"/> (usually <c>Program</c>) in memory, ready to
/// receive test deliveries: environment <c>Testing</c>, a fresh app key pair whose public key is <c>PaymentKit:AppPk</c>,
/// a SQLite inbox in a temporary directory (deleted on dispose), webhook registration and the Blocklet event bus off,
/// the processor on. The app's own configuration and services apply; a subclass that overrides
/// <see cref="ConfigureWebHost"/> calls the base first, then adds its own.
/// </summary>
/// <typeparam name="TEntryPoint">A type in the app's entry assembly, usually its <c>Program</c>.</typeparam>
public class PaymentEventsFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    /// <summary>How long <see cref="WaitUntilHandledAsync"/> waits when no timeout is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly AppKey _key = AppKey.Generate();
    private HttpClient? _client;

    /// <summary>Creates the factory and its temporary data directory; the app starts on first use.</summary>
    public PaymentEventsFactory()
    {
        DataDirectory = Directory.CreateTempSubdirectory("paymentevents-testing-").FullName;
    }

    /// <summary>The temporary <c>Storage:DataDir</c> holding the SQLite inbox; deleted when the factory is disposed.</summary>
    public string DataDirectory { get; }

    /// <summary>The public key the app trusts (<c>PaymentKit:AppPk</c>), <c>0x</c> hex; deliveries are signed with its secret half.</summary>
    public string AppPublicKey => _key.PublicKeyHex;

    /// <summary>
    /// Delivers a realistic sample event of <paramref name="eventType"/> (<see cref="SampleEvents.Create"/>), first changed by
    /// <paramref name="customize"/>, signed (V1) with the factory's key, to the app's callback path.
    /// </summary>
    /// <param name="eventType">Any event type, e.g. <c>invoice.paid</c>; an unknown one gets a generic object.</param>
    /// <param name="customize">Changes the body before it is signed, e.g. <c>e => e["data"]!["object"]!["status"] = "past_due"</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The two DeliverAsync shapes are the documented surface (INTERFACE.md); the first parameter's type tells them apart.")]
    public Task<TestDelivery> DeliverAsync(string eventType, Action<JsonObject>? customize = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        var body = SampleEvents.Create(eventType, Clock);
        customize?.Invoke(body);
        return DeliverAsync(body, cancellationToken);
    }

    /// <summary>Delivers <paramref name="body"/> as it is (its <c>id</c> and <c>type</c> included), signed (V1) with the factory's key.</summary>
    /// <param name="body">The event body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The two DeliverAsync shapes are the documented surface (INTERFACE.md); the first parameter's type tells them apart.")]
    public Task<TestDelivery> DeliverAsync(JsonObject body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        return SendAsync(bytes, bytes, Clock, cancellationToken);
    }

    /// <summary>
    /// Sends the body of <paramref name="delivery"/> again, freshly signed, as Payment Kit does when it retries: the app answers
    /// 200 with <see cref="TestDelivery.Duplicate"/> true and runs no handler again.
    /// </summary>
    /// <param name="delivery">An earlier delivery of this factory.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<TestDelivery> RedeliverAsync(TestDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return SendAsync(delivery.Body, delivery.Body, Clock, cancellationToken);
    }

    /// <summary>
    /// Delivers a sample event of <paramref name="eventType"/> whose body was changed after it was signed, as a forger would:
    /// the app must answer 401 and store nothing.
    /// </summary>
    /// <param name="eventType">Any event type.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<TestDelivery> DeliverTamperedAsync(string eventType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        var body = SampleEvents.Create(eventType, Clock);
        var signed = JsonSerializer.SerializeToUtf8Bytes(body);
        body["livemode"] = !(body["livemode"]?.GetValue<bool>() ?? false);
        return SendAsync(JsonSerializer.SerializeToUtf8Bytes(body), signed, Clock, cancellationToken);
    }

    /// <summary>
    /// Delivers <paramref name="body"/> with a signature issued at <paramref name="issuedAt"/> (valid for the SDK's 300 s from
    /// then): one issued more than about five minutes ago has expired, and the app must answer 401.
    /// </summary>
    /// <param name="body">The event body.</param>
    /// <param name="issuedAt">The signature's <c>iat</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<TestDelivery> DeliverSignedAtAsync(JsonObject body, DateTimeOffset issuedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        return SendAsync(bytes, bytes, new FixedClock(issuedAt), cancellationToken);
    }

    /// <summary>
    /// Queues a stored event again, as the admin API's replay does: handlers that already succeeded for it are not run again,
    /// the others are. Wait for the outcome with <see cref="WaitUntilHandledAsync"/>.
    /// </summary>
    /// <param name="eventId">The event's id.</param>
    /// <param name="cancellationToken">Cancels the store call.</param>
    /// <exception cref="InvalidOperationException">The app has no event with this id.</exception>
    public async Task ReplayAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        if (!await Services.GetRequiredService<IEventAdmin>().ReplayAsync(eventId, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Event {eventId} is not in the inbox: only an event whose delivery was answered 200 can be replayed.");
        }

        // As the admin API does: wake the processor now rather than at its next poll.
        Services.GetRequiredService<InboxSignal>().Notify();
    }

    /// <summary>
    /// Waits until the event is <c>processed</c> and returns it with its handler runs. Waits on the processor's own signal
    /// (re-reading the store whenever an event finishes), never on a fixed sleep.
    /// </summary>
    /// <param name="eventId">The event's id (<see cref="TestDelivery.EventId"/>).</param>
    /// <param name="timeout">How long to wait; <see cref="DefaultTimeout"/> (10 s) when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="PaymentEventNotHandledException">
    /// As soon as the event is <c>failed</c> or <c>dead</c> (naming every failed handler with its error) or <c>ignored</c>
    /// (no handler for its type).
    /// </exception>
    /// <exception cref="TimeoutException">Not processed within <paramref name="timeout"/>; the message names the status it was left in.</exception>
    public Task<HandledEvent> WaitUntilHandledAsync(string eventId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var limit = timeout ?? DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));
        return HandledEventWaiter.WaitAsync(Services, eventId, limit, cancellationToken);
    }

    /// <summary>
    /// The test settings and services. An override calls this first; the app's own <c>Program</c> has already configured the
    /// host when this runs, so settings made here win over its <c>appsettings.json</c>.
    /// </summary>
    /// <param name="builder">The app's web host builder.</param>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in TestSettings())
        {
            builder.UseSetting(key, value);
        }

        // SQLite in tests whatever engine the app registers for production (a second registration is ignored).
        builder.ConfigureTestServices(services => services.AddSqliteEventStore());
    }

    /// <summary>Disposes the app, then deletes <see cref="DataDirectory"/> (the store releases its SQLite files when disposed).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
        try
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file another process still holds open (a debugger, a viewer): the OS's temp cleanup takes it later.
        }
    }

    private Dictionary<string, string?> TestSettings() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage:Provider"] = StorageOptions.Sqlite,
        ["Storage:DataDir"] = DataDirectory,
        ["PaymentKit:AppPk"] = _key.PublicKeyHex,
        ["PaymentKit:WalletType"] = "arcblock",
        ["PaymentKit:Register"] = "false",
        ["EventBus:Enabled"] = "false",
        ["Processing:Enabled"] = "true",
    };

    /// <summary>The app's clock (a test may register a fake one): signatures are made on the clock that checks them.</summary>
    private TimeProvider Clock => Services.GetService<TimeProvider>() ?? TimeProvider.System;

    private async Task<TestDelivery> SendAsync(byte[] body, byte[] signedBody, TimeProvider signingClock, CancellationToken cancellationToken)
    {
        var path = Services.GetRequiredService<IOptions<WebhookOptions>>().Value.Path;
        var headers = new RequestSigner(_key, signingClock).SignV1("POST", path, null, signedBody);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers.ToHttpHeaders())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        _client ??= CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new TestDelivery(response.StatusCode, EventIdOf(body), response.StatusCode == HttpStatusCode.OK && IsDuplicate(text), text, body);
    }

    private static string EventIdOf(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject { } obj && obj["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static bool IsDuplicate(string acknowledgement)
    {
        try
        {
            return JsonNode.Parse(acknowledgement)?["duplicate"] is JsonValue duplicate && duplicate.TryGetValue<bool>(out var value) && value;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A clock stopped at one instant: signs as of <c>iat</c> without moving the app's clock.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
