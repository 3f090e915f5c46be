using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Handlers;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Receiver;

/// <summary>Concurrent deliveries against the real host, SQLite and the real processor.</summary>
public sealed class CallbackConcurrencyTests : IDisposable
{
    private readonly ReceiverHost _host = new(services: services =>
    {
        services.AddSingleton<HandlerCounts>();
        services.AddPaymentEventHandlers([typeof(CountingHandler)]);
    });

    private HandlerCounts Counts => _host.Services.GetRequiredService<HandlerCounts>();

    [Fact]
    public async Task Fifty_concurrent_copies_of_one_event_store_it_once_and_run_the_handler_once()
    {
        var client = _host.CreateClient();
        var id = TestEvents.NewId();
        var json = TestEvents.Json(id);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await client.SendAsync(_host.SignedDelivery(json));
        })).ToArray();
        start.SetResult();
        var responses = await Task.WhenAll(sends);

        var acks = new List<bool>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            acks.Add(body.RootElement.GetProperty("duplicate").GetBoolean());
        }

        Assert.Equal(50, acks.Count);
        Assert.Single(acks, duplicate => !duplicate);
        await WaitProcessedAsync([id]);
        Assert.Equal(1, Counts[id]);
    }

    [Fact]
    public async Task Five_hundred_concurrent_deliveries_with_a_hundred_duplicated_ids_store_each_once_and_answer_the_copies_duplicate()
    {
        // Group commit: concurrent deliveries share commits; copies of one id in the same batch are one stored, one duplicate.
        var client = _host.CreateClient();
        var unique = Enumerable.Range(0, 400).Select(_ => TestEvents.NewId()).ToArray();
        var sends = unique.Concat(unique.Take(100)).OrderBy(_ => Random.Shared.Next()).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answers = sends.Select(id => Task.Run(async () =>
        {
            await start.Task;
            using var response = await client.SendAsync(_host.SignedDelivery(TestEvents.Json(id)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return (Id: id, Duplicate: body.RootElement.GetProperty("duplicate").GetBoolean());
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(answers);

        Assert.Equal(100, results.Count(r => r.Duplicate));
        Assert.All(results.GroupBy(r => r.Id), g => Assert.Single(g, r => !r.Duplicate));
        await WaitProcessedAsync(unique);
        var counts = Counts.Snapshot();
        Assert.Equal(400, counts.Count);
        Assert.All(unique, id => Assert.Equal(1, counts[id]));
    }

    [Fact]
    public async Task A_thousand_concurrent_distinct_deliveries_are_all_stored_and_processed_exactly_once()
    {
        var client = _host.CreateClient();
        var ids = Enumerable.Range(0, 1000).Select(_ => TestEvents.NewId()).ToArray();
        using var gate = new SemaphoreSlim(64);

        var statuses = await Task.WhenAll(ids.Select(async id =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await client.SendAsync(_host.SignedDelivery(TestEvents.Json(id)));
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.All(statuses, s =>
        {
            Assert.Equal(HttpStatusCode.OK, s.StatusCode);
            Assert.Contains("\"duplicate\":false", s.Body, StringComparison.Ordinal);
        });
        await WaitProcessedAsync(ids);
        var counts = Counts.Snapshot();
        Assert.Equal(1000, ids.Count(counts.ContainsKey));
        Assert.All(ids, id => Assert.Equal(1, counts[id]));
    }

    public void Dispose() => _host.Dispose();

    private async Task WaitProcessedAsync(string[] ids)
    {
        var store = _host.Store;
        var pending = new HashSet<string>(ids, StringComparer.Ordinal);
        await Poll.UntilAsync(
            async () =>
            {
                foreach (var id in pending.ToArray())
                {
                    var stored = await store.GetAsync(id, CancellationToken.None);
                    if (stored?.Status == EventStatus.Processed)
                    {
                        pending.Remove(id);
                    }
                    else
                    {
                        return false;
                    }
                }

                return true;
            },
            TimeSpan.FromSeconds(120),
            $"{ids.Length} events processed");
    }
}
