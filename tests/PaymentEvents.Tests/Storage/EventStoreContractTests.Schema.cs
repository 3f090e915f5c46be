using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Storage;

public abstract partial class EventStoreContractTests
{
    [Fact]
    public async Task Migrate_is_idempotent_and_safe_to_run_concurrently()
    {
        await Store.InsertAsync(new NewEvent("evt_keep", "t", null, null, "{}", Time.GetUtcNow()), default);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Replica().MigrateAsync(default))));
        await Store.MigrateAsync(default);

        Assert.True(await Store.IsHealthyAsync(default));
        Assert.NotNull(await Store.GetAsync("evt_keep", default));
    }

    [Fact]
    public async Task Disposing_a_store_again_once_per_role_it_serves_is_harmless()
    {
        var store = Replica();
        await InsertAsync(null);
        var disposable = Assert.IsAssignableFrom<IAsyncDisposable>(store);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => disposable.DisposeAsync().AsTask()));
        await disposable.DisposeAsync();
        ((IDisposable)store).Dispose();

        Assert.Equal(EventStatus.Received, Assert.Single((await Store.ListAsync(new EventQuery(), default)).Items).Status);
    }

    [Fact]
    public async Task Disposing_while_blocking_a_thread_whose_context_runs_nothing_else_returns()
    {
        // Hosts block a thread on disposal (Host.Dispose waits for DisposeAsync). Had the store's disposal awaited back
        // onto that thread's context (a UI thread, any single-threaded context), it never returned.
        var viaDispose = Replica();
        var viaDisposeAsync = Replica();
        await viaDispose.InsertAsync(new NewEvent("evt_a", "t", null, null, "{}", Time.GetUtcNow()), default); // its writer loop runs
        await viaDisposeAsync.InsertAsync(new NewEvent("evt_b", "t", null, null, "{}", Time.GetUtcNow()), default);

        await StalledSynchronizationContext.RunBlockingAsync(((IDisposable)viaDispose).Dispose);
        await StalledSynchronizationContext.RunBlockingAsync(() => ((IAsyncDisposable)viaDisposeAsync).DisposeAsync().AsTask().GetAwaiter().GetResult());

        Assert.Equal(2, (await Store.ListAsync(new EventQuery(), default)).Items.Count);
    }

    [Fact]
    public async Task Migrating_a_new_database_concurrently_from_several_replicas_works()
    {
        await CreateDatabaseAsync();
        var replicas = Enumerable.Range(0, 4).Select(_ => Replica()).ToArray();

        await Task.WhenAll(replicas.Select(r => Task.Run(() => r.MigrateAsync(default))));

        Assert.Equal(InsertOutcome.Stored, await replicas[0].InsertAsync(new NewEvent("e", "t", null, null, "{}", Time.GetUtcNow()), default));
        Assert.NotNull(await replicas[3].GetAsync("e", default));
    }

    /// <summary>Runs SQL on the current database outside any store (to build an old schema).</summary>
    protected abstract Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters);

    /// <summary>The engine's version-1 schema, as shipped.</summary>
    protected abstract string Version1Schema { get; }

    /// <summary>A time as the version-1 schema stores it.</summary>
    protected abstract object Version1Time(DateTimeOffset time);

    [Fact]
    public async Task A_version_1_database_is_migrated_keeping_events_and_handler_results()
    {
        await CreateDatabaseAsync();
        var at = Time.GetUtcNow().AddMinutes(-5);
        await ExecuteAsync("CREATE TABLE payment_events_schema_version (version INTEGER PRIMARY KEY, applied_at " +
            (Version1Time(at) is long ? "INTEGER" : "timestamptz") + " NOT NULL)");
        await ExecuteAsync(Version1Schema);
        await ExecuteAsync("INSERT INTO payment_events_schema_version VALUES (1, @at)", ("at", Version1Time(at)));
        await ExecuteAsync("""
            INSERT INTO payment_events (id, type, object_id, livemode, payload, status, received_at, updated_at, attempts, next_attempt_at, last_error, lease_token)
            VALUES ('evt_old', 'invoice.paid', 'in_1', TRUE, '{"id":"evt_old","x":"Zoë"}', 'dead', @at, @at, 2, NULL, 'Mailer: down', 2),
                   ('evt_new', 'invoice.paid', 'in_2', FALSE, '{"id":"evt_new"}', 'received', @at, @at, 0, @at, NULL, 0)
            """, ("at", Version1Time(at)));
        await ExecuteAsync("""
            INSERT INTO payment_event_handler_attempts (event_id, handler, attempts, succeeded, last_error, last_attempt_at)
            VALUES ('evt_old', 'Billing', 1, TRUE, NULL, @at), ('evt_old', 'Mailer', 4, FALSE, 'down', @at)
            """, ("at", Version1Time(at)));

        var store = Replica();
        await store.MigrateAsync(default);

        var old = await store.GetAsync("evt_old", default);
        Assert.Equal("""{"id":"evt_old","x":"Zoë"}""", old!.Payload);
        Assert.Equal(EventStatus.Dead, old.Status);
        Assert.Equal(4, old.Attempts);
        Assert.Equal(new HashSet<string> { "Billing" }, await store.GetSucceededHandlersAsync("evt_old", default));
        var mailer = Assert.Single(old.Handlers, h => h.Handler == "Mailer");
        Assert.Equal((4, false, "down", at), (mailer.Attempts, mailer.Succeeded, mailer.LastError, mailer.LastAttemptAt));
        Assert.Equal(ResolveOutcome.Resolved, await store.ResolveAsync("evt_old", default));
        Assert.True(await store.ReplayAsync("evt_old", default));
        var claimed = await store.ClaimAsync("w", 10, Lease, default);
        Assert.Equal(["evt_old", "evt_new"], claimed.Select(l => l.EventId));
        Assert.All(claimed, l => Assert.Null(l.TraceParent));
        Assert.Equal("""{"id":"evt_new"}"""u8.ToArray(), claimed[1].Payload.ToArray());
        Assert.Equal(new HashSet<string> { "Billing" }, claimed[0].SucceededHandlers);
        Assert.True(await store.FinishAsync(EventCompletion.Processed(claimed[0], [StoreTestExtensions.Run("Mailer", Time.GetUtcNow())]), default));
        Assert.Equal(5, Assert.Single((await store.GetAsync("evt_old", default))!.History, a => a.Outcome == AttemptOutcome.Succeeded && a.Handler == "Mailer").Attempt);
    }
}
