using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Processing;

public sealed class DispatchScopeTests : IDisposable
{
    private readonly TempDirectory _dir = new("pe-dispatch");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    private readonly Probe _probe = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Handlers_of_one_event_share_one_DI_scope_and_each_event_gets_its_own()
    {
        var settings = ProcessingHost.Settings(_dir.Path);
        await using var host = await StartWithScopedAsync(settings, typeof(InvoiceLedger), typeof(InvoiceMailer));

        await host.ReceiveAsync("evt_in1", "invoice.paid", "in_1", _time);
        await host.ReceiveAsync("evt_in2", "invoice.paid", "in_2", _time);
        await Eventually.StatusAsync(host, "evt_in1", EventStatus.Processed);
        await Eventually.StatusAsync(host, "evt_in2", EventStatus.Processed);

        var scopes = _probe.Scopes.ToArray();
        Assert.Equal(4, scopes.Length);
        var perEvent = scopes.GroupBy(s => s.EventId).ToDictionary(g => g.Key, g => g.Select(s => s.Scope).Distinct().Single());
        Assert.NotEqual(perEvent["evt_in1"], perEvent["evt_in2"]);

        // The startup log lists what runs for what.
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 1100 && r.Message.Contains("invoice.paid")
            && r.Message.Contains(nameof(InvoiceLedger)) && r.Message.Contains(nameof(InvoiceMailer)));
    }

    [Fact]
    public async Task A_handler_that_cannot_be_resolved_fails_the_event_without_stopping_the_other_handlers()
    {
        await using var host = await StartWithScopedAsync(ProcessingHost.Settings(_dir.Path), typeof(InvoiceLedger), typeof(MisconfiguredHandler));

        await host.ReceiveAsync("evt_in", "invoice.paid", "in_1", _time);
        await Eventually.StatusAsync(host, "evt_in", EventStatus.Failed);

        var stored = await host.GetAsync("evt_in");
        Assert.Contains(nameof(MisconfiguredHandler), stored.LastError);
        Assert.Contains(nameof(IServiceThatIsNotRegistered), stored.LastError);
        Assert.True(Assert.Single(stored.Handlers, h => h.Handler.EndsWith(nameof(InvoiceLedger), StringComparison.Ordinal)).Succeeded);
        Assert.Single(_probe.Scopes);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Id.Id == 1202);
    }

    [Fact]
    public async Task Bad_processing_settings_stop_startup_naming_the_key()
    {
        var settings = ProcessingHost.Settings(_dir.Path, ("Processing:MaxConcurrency", "0"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ProcessingHost.StartAsync("a", _time, _probe, settings, typeof(SubscriptionRecorder)));

        Assert.Contains("Processing:MaxConcurrency", error.Message);
    }

    private Task<ProcessingHost> StartWithScopedAsync(IDictionary<string, string?> settings, params Type[] handlers) =>
        ProcessingHost.StartAsync("a", _time, _probe, settings, services => services.AddScoped<UnitOfWork>(), handlers);
}
