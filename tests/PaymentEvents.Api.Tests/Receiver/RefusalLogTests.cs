using System.Net;
using Microsoft.Extensions.Logging;
using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Receiver;

/// <summary>
/// A delivery refused because the store failed is one log line with the event id and the reason; the stack trace
/// goes to Debug only (during an outage every refusal used to print some twenty lines of it). Real PostgreSQL, stopped.
/// </summary>
public sealed class RefusalLogTests : IAsyncLifetime
{
    private readonly PostgresServerFixture _postgres = new();
    private KestrelReceiver? _receiver;

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        var connectionString = await _postgres.CreateDatabaseAsync();
        _receiver = KestrelReceiver.Start(
            s =>
            {
                s["Storage:Provider"] = "postgres";
                s["ConnectionStrings:PaymentEvents"] = connectionString;
            },
            LogLevel.Debug);
    }

    public async Task DisposeAsync()
    {
        _receiver?.Dispose();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task A_503_for_a_failed_store_is_one_line_with_the_event_id_and_the_reason_and_the_stack_trace_only_at_debug()
    {
        var receiver = _receiver!;
        using var client = receiver.CreateClient();
        var id = TestEvents.NewId();
        await _postgres.StopAsync();

        using var response = await client.SendAsync(receiver.Host.SignedDelivery(TestEvents.Json(id)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        // The callback's own lines (the processor, polling the same store meanwhile, logs its own failures).
        var logs = receiver.Logs.GetSnapshot().Where(r => r.Category?.StartsWith("PaymentEvents.Receiver", StringComparison.Ordinal) == true).ToList();
        var refusal = Assert.Single(logs, r => r.Id.Id == 1004);
        Assert.Null(refusal.Exception);
        Assert.Contains(id, refusal.Message, StringComparison.Ordinal);
        Assert.Matches(@"\): .+; answered 503", refusal.Message);
        Assert.DoesNotContain("\n", refusal.Message, StringComparison.Ordinal);
        var details = Assert.Single(logs, r => r.Id.Id == 1008);
        Assert.Equal(LogLevel.Debug, details.Level);
        Assert.NotNull(details.Exception);
        Assert.All(logs.Where(r => r.Exception is not null), r => Assert.Equal(LogLevel.Debug, r.Level));
    }
}
