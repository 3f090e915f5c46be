using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

public abstract partial class EventStoreContractTests
{
    [Fact]
    public async Task List_pages_newest_first_with_an_opaque_cursor()
    {
        var ids = await InsertManyAsync("sub_A", 7);
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Store.ListAsync(new EventQuery(Limit: 3, Cursor: cursor), default);
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(e => e.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(ids.Reverse(), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task List_filters_by_type_status_and_object()
    {
        var a = await InsertAsync("sub_A", "invoice.paid");
        var b = await InsertAsync("sub_B", "invoice.paid");
        var c = await InsertAsync("sub_A", "refund.created");
        var lease = (await Store.ClaimAsync("w", 10, Lease, default)).Single(l => l.EventId == a);
        await Store.FinishAsync(EventCompletion.Processed(lease, [StoreTestExtensions.Run("Billing", Time.GetUtcNow())]), default);

        Assert.Equal([b, a], Ids(await Store.ListAsync(new EventQuery(Type: "invoice.paid"), default)));
        Assert.Equal([c, a], Ids(await Store.ListAsync(new EventQuery(ObjectId: "sub_A"), default)));
        var processed = await Store.ListAsync(new EventQuery(Status: EventStatus.Processed), default);
        Assert.Equal([a], Ids(processed));
        Assert.Equal("Billing", Assert.Single(processed.Items[0].Handlers).Handler);
        // c waits behind a (same object), so it is still received.
        Assert.Equal([c], Ids(await Store.ListAsync(new EventQuery(Type: "refund.created", Status: EventStatus.Received, ObjectId: "sub_A"), default)));
        Assert.Equal([b], Ids(await Store.ListAsync(new EventQuery(Status: EventStatus.Processing), default)));
        Assert.Empty((await Store.ListAsync(new EventQuery(Type: "nope"), default)).Items);
    }

    [Fact]
    public async Task List_filters_by_livemode_received_time_handler_and_id_prefix()
    {
        var t0 = Time.GetUtcNow();
        await Store.InsertAsync(new NewEvent("evt_live_1", "invoice.paid", null, true, "{}", t0), default);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Store.InsertAsync(new NewEvent("evt_test_1", "invoice.paid", null, false, "{}", Time.GetUtcNow()), default);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Store.InsertAsync(new NewEvent("EVT_LIVE_2", "invoice.paid", null, true, "{}", Time.GetUtcNow()), default);
        var lease = (await Store.ClaimAsync("w", 10, Lease, default)).Single(l => l.EventId == "evt_test_1");
        await Store.FinishAsync(EventCompletion.Processed(lease, [StoreTestExtensions.Run("Mailer", Time.GetUtcNow())]), default);

        Assert.Equal(["EVT_LIVE_2", "evt_live_1"], Ids(await Store.ListAsync(new EventQuery { Livemode = true }, default)));
        Assert.Equal(["evt_test_1"], Ids(await Store.ListAsync(new EventQuery { Livemode = false }, default)));
        Assert.Equal(["evt_test_1", "evt_live_1"], Ids(await Store.ListAsync(new EventQuery { ReceivedBefore = t0.AddMinutes(2) }, default)));
        Assert.Equal(["EVT_LIVE_2", "evt_test_1"], Ids(await Store.ListAsync(new EventQuery { ReceivedAfter = t0.AddMinutes(1) }, default)));
        Assert.Equal(["evt_test_1"], Ids(await Store.ListAsync(new EventQuery { ReceivedAfter = t0.AddSeconds(1), ReceivedBefore = t0.AddMinutes(2) }, default)));
        Assert.Equal(["evt_test_1"], Ids(await Store.ListAsync(new EventQuery { Handler = "Mailer" }, default)));
        Assert.Empty((await Store.ListAsync(new EventQuery { Handler = "Billing" }, default)).Items);
        // The id search is case-sensitive on both engines and matches a prefix or the whole id.
        Assert.Equal(["evt_live_1"], Ids(await Store.ListAsync(new EventQuery { IdPrefix = "evt_l" }, default)));
        Assert.Equal(["EVT_LIVE_2"], Ids(await Store.ListAsync(new EventQuery { IdPrefix = "EVT_LIVE_2" }, default)));
        Assert.Equal(["evt_test_1", "evt_live_1"], Ids(await Store.ListAsync(new EventQuery(Limit: 5) { IdPrefix = "evt_" }, default)));
    }

    [Fact]
    public async Task Stats_count_by_status_per_minute_and_the_oldest_unprocessed_age()
    {
        var empty = await Store.GetStatsAsync(default);
        Assert.All(Enum.GetValues<EventStatus>(), s => Assert.Equal(0, empty.CountsByStatus[s]));
        Assert.Null(empty.OldestUnprocessedAge);
        Assert.Null(empty.LastReceivedAt);
        Assert.Equal(60, empty.DeliveriesPerMinute.Count);

        var start = Time.GetUtcNow(); // 12:00:00
        var a = await InsertAsync(null);
        var b = await InsertAsync(null);
        Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(30));
        var c = await InsertAsync(null);
        var leases = await Store.ClaimAsync("w", 2, Lease, default);
        await Store.FinishAsync(EventCompletion.Processed(leases[0], [StoreTestExtensions.Run("Billing", Time.GetUtcNow())]), default);
        await Store.FinishAsync(EventCompletion.Failed(leases[1],
            [StoreTestExtensions.Run("Billing", Time.GetUtcNow(), "x"), StoreTestExtensions.Run("Mailer", Time.GetUtcNow(), "y")], "x", null), default);
        Time.Advance(TimeSpan.FromSeconds(10));

        var stats = await Store.GetStatsAsync(default);
        Assert.Equal(Time.GetUtcNow(), stats.AsOf);
        Assert.Equal(1, stats.CountsByStatus[EventStatus.Processed]);
        Assert.Equal(1, stats.CountsByStatus[EventStatus.Dead]);
        Assert.Equal(1, stats.CountsByStatus[EventStatus.Received]);
        Assert.Equal(0, stats.CountsByStatus[EventStatus.Ignored]);
        Assert.Equal(TimeSpan.FromSeconds(10), stats.OldestUnprocessedAge); // c, received 10 s ago
        Assert.Equal(start.AddSeconds(150), stats.LastReceivedAt);
        Assert.Equal(60, stats.DeliveriesPerMinute.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 2, 0, TimeSpan.Zero), stats.DeliveriesPerMinute[^1].Minute);
        Assert.Equal(stats.DeliveriesPerMinute[^1].Minute.AddMinutes(-59), stats.DeliveriesPerMinute[0].Minute);
        Assert.Equal(2, stats.DeliveriesPerMinute[^3].Count);
        Assert.Equal(0, stats.DeliveriesPerMinute[^2].Count);
        Assert.Equal(1, stats.DeliveriesPerMinute[^1].Count);
        Assert.Equal(3, stats.DeliveriesPerMinute.Sum(m => m.Count));
        Assert.Equal(2, stats.FailuresPerMinute[^1].Count);
        Assert.Equal(2, stats.FailuresPerMinute.Sum(m => m.Count));

        Time.Advance(TimeSpan.FromHours(1));
        var later = await Store.GetStatsAsync(default);
        Assert.Equal(0, later.DeliveriesPerMinute.Sum(m => m.Count));
        Assert.Equal(0, later.FailuresPerMinute.Sum(m => m.Count));
        _ = (a, b);
    }

    [Fact]
    public async Task List_clamps_the_limit_and_rejects_a_foreign_cursor()
    {
        await InsertManyAsync(null, 3);

        var one = await Store.ListAsync(new EventQuery(Limit: 0), default);
        Assert.Single(one.Items);
        Assert.NotNull(one.NextCursor);
        Assert.Equal(3, (await Store.ListAsync(new EventQuery(Limit: 100_000), default)).Items.Count);
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync(new EventQuery(Cursor: "not a cursor!"), default));
    }

    private static string[] Ids(EventPage page) => [.. page.Items.Select(e => e.Id)];
}
