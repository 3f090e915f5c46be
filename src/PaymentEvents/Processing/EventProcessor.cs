using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentEvents.Handlers;
using PaymentEvents.Storage;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Processing;

/// <summary>
/// Claims due events from the store and runs them, up to <see cref="ProcessingOptions.MaxConcurrency"/>
/// at a time. Several replicas may share one database: the store's claim gives each event to one
/// lease holder, and only the earliest unfinished event of an object is claimable, so one object's
/// events run in arrival order, one at a time, across all replicas.
/// </summary>
/// <remarks>
/// Shutdown: when the host stops, no more events are claimed and running handlers are allowed to
/// finish; their token is cancelled only when the host's shutdown timeout
/// (<see cref="HostOptions.ShutdownTimeout"/>) runs out. A handler cut off that way is not recorded
/// (never as a success) and its event is run again by whichever instance claims it after the lease expires.
/// </remarks>
internal sealed class EventProcessor : BackgroundService
{
    private readonly IEventLeases _store;
    private readonly EventDispatcher _dispatcher;
    private readonly HandlerRegistry _registry;
    private readonly InboxSignal _signal;
    private readonly EventFinishedSignal _finished;
    private readonly RetryBackoff _backoff;
    private readonly PaymentEventsMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ProcessingOptions _options;
    private readonly ILogger<EventProcessor> _logger;
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationToken _abortToken;
    // Events whose handlers run: at most MaxConcurrency.
    private readonly ConcurrentDictionary<long, Task> _running = new();

    // Events whose handlers are done and whose outcome is being written. They no longer hold a slot, so the next events
    // run while a group commit is in flight and their outcomes share the next commit. They still count against claiming
    // ahead: running + recording + claimed stays within MaxConcurrency + BatchSize.
    private readonly ConcurrentDictionary<long, Task> _recording = new();

    // Claimed ahead and not started yet, in claim (arrival) order; only the loop in ExecuteAsync touches it.
    private readonly Queue<EventLease> _claimed = new();

    // Outcomes of finished events that the store could not take (database down or frozen): recorded by the loop as soon
    // as the store answers again, instead of the events waiting out their leases to run a second time.
    private readonly ConcurrentQueue<Outcome> _unrecorded = new();

    // A claim failed: it may have committed with its answer lost (a frozen or dropped connection), leaving events
    // leased to us that we never got. Only the loop touches it.
    private bool _orphansPossible;
    private long _nextRunId;

    public EventProcessor(
        IEventLeases store,
        EventDispatcher dispatcher,
        HandlerRegistry registry,
        InboxSignal signal,
        EventFinishedSignal finished,
        RetryBackoff backoff,
        PaymentEventsMetrics metrics,
        TimeProvider timeProvider,
        IOptions<ProcessingOptions> options,
        ILogger<EventProcessor> logger)
    {
        _store = store;
        _dispatcher = dispatcher;
        _registry = registry;
        _signal = signal;
        _finished = finished;
        _backoff = backoff;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
        _abortToken = _abort.Token;
        Owner = LeaseOwner.ForThisProcess();
    }

    /// <summary>This instance's lease owner id (unique per processor, also within one process).</summary>
    public string Owner { get; }

    /// <summary>Events being run right now.</summary>
    public int Running => _running.Count;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // cancellationToken fires when the host's shutdown timeout runs out: only then are handlers cut off.
        await using var abortOnTimeout = cancellationToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), _abort);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        _logger.LogRegistry(_registry);
        if (!_options.Enabled)
        {
            ProcessingLog.ProcessorDisabled(_logger);
            return;
        }

        ProcessingLog.ProcessorStarted(_logger, Owner, _options.MaxConcurrency, _options.MaxAttempts);
        // The claim in flight, if any. It runs beside the loop: while it waits for the store (behind a commit of
        // outcomes), slots that free up still start the events claimed before. A loop that awaited its claim started
        // nothing meanwhile, so each commit carried only the outcomes of runs started before it (measured on a backlog:
        // 0.14 fsyncs and 3.3 WAL writes per event before, 0.10 and 2.65 with this and the slot freed at the handlers' end).
        Task<ClaimResult>? claim = null;
        var claimNow = true; // false after a short claim, until a signal or the poll says there may be more
        var signalledSinceClaim = false; // a signal or the poll came while the claim ran: it may have missed that event
        try
        {
            await TakeBackPredecessorLeasesAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                // While the store fails, every step below waits for the poll instead of trying again at once.
                var storeFailed = !await RecordUnrecordedAsync(stoppingToken);
                if (claim is { IsCompleted: true })
                {
                    var (leases, wanted, failed) = await claim;
                    claim = null;
                    foreach (var lease in leases)
                    {
                        _claimed.Enqueue(lease);
                    }

                    _orphansPossible |= failed;
                    // A full batch suggests more is due now; a short one means wait for a signal or the poll, unless
                    // one came while it ran.
                    claimNow = leases.Count == wanted || (signalledSinceClaim && !failed);
                    storeFailed |= failed;
                }

                storeFailed |= !await StartClaimedAsync(stoppingToken);

                if (_orphansPossible)
                {
                    // No new claims until the leases of a lost claim answer are handed back (see ReleaseOrphansAsync).
                    storeFailed |= !await ReleaseOrphansAsync(stoppingToken);
                    if (_orphansPossible)
                    {
                        await _signal.WaitAsync(_options.PollInterval, _timeProvider, null, stoppingToken);
                        continue;
                    }
                }

                // Claim ahead: up to BatchSize events wait behind the running ones, so one claim (one commit) feeds
                // several runs instead of one per finished event; the next claim comes once half of them started.
                // Order is safe: a claim only returns the earliest unfinished event of each object, and the next event
                // of that object becomes claimable only after this one is finished.
                var room = _options.MaxConcurrency + _options.BatchSize - _running.Count - _recording.Count - _claimed.Count;
                if (claim is null && claimNow && room > 0 && _claimed.Count <= _options.BatchSize / 2)
                {
                    claim = ClaimAsync(Math.Min(room, _options.BatchSize), stoppingToken);
                    signalledSinceClaim = false;
                }

                var startable = _claimed.Count > 0 && _running.Count < _options.MaxConcurrency;
                if (!storeFailed && (claim is { IsCompleted: true } || startable))
                {
                    continue;
                }

                // Woken by a new delivery, a finished run or outcome, or the poll (then claim again), or by the answer
                // of the claim in flight.
                if (await _signal.WaitAsync(_options.PollInterval, _timeProvider, claim, stoppingToken))
                {
                    claimNow = true;
                    signalledSinceClaim = true;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            ProcessingLog.ProcessorStopping(_logger, Owner, _running.Count);
            await KeepClaimedAsync(claim);
            await Task.WhenAll(_running.Values);
            await Task.WhenAll(_recording.Values); // complete now: a run adds its recording before it ends
            await RecordUnrecordedAsync(CancellationToken.None);
            await ReleaseClaimedAsync();
        }
    }

    /// <summary>At shutdown, the answer of a claim still in flight joins the claimed events (handed back next).</summary>
    private async Task KeepClaimedAsync(Task<ClaimResult>? claim)
    {
        if (claim is null)
        {
            return;
        }

        try
        {
            foreach (var lease in (await claim).Leases)
            {
                _claimed.Enqueue(lease);
            }
        }
        catch (OperationCanceledException)
        {
            // Cancelled before it reached the store: it took nothing.
        }
    }

    /// <summary>
    /// Starts claimed events while slots are free; one that waited long gets its lease renewed first. False when the
    /// store could not renew one: it stays first in line (still ours unless someone else claimed it after it expired,
    /// which the renewal's fence tells) for when the store answers again.
    /// </summary>
    private async Task<bool> StartClaimedAsync(CancellationToken stoppingToken)
    {
        while (_running.Count < _options.MaxConcurrency && _claimed.TryDequeue(out var lease))
        {
            // Waiting costs lease time (slow handlers ahead of it): past a third of it, renew before running, as a
            // running event's lease is renewed every third. A lease that is gone now belongs to someone else.
            if (_timeProvider.GetUtcNow() >= lease.LeaseExpiresAt - (_options.LeaseDuration * 2 / 3))
            {
                bool held;
                try
                {
                    held = await _store.RenewLeaseAsync(lease, _options.LeaseDuration, stoppingToken);
                }
                catch (StorageUnavailableException e)
                {
                    ProcessingLog.BookkeepingFailed(_logger, e, lease.EventId);
                    PutBackFirst(lease);
                    return false;
                }
                catch (OperationCanceledException)
                {
                    // Shutdown: still ours, so it is handed back with the others (ReleaseClaimedAsync).
                    _claimed.Enqueue(lease);
                    throw;
                }

                if (!held)
                {
                    ProcessingLog.LeaseLost(_logger, lease.EventId);
                    continue;
                }

                lease = lease with { LeaseExpiresAt = _timeProvider.GetUtcNow() + _options.LeaseDuration };
            }

            Start(lease);
        }

        return true;
    }

    private void PutBackFirst(EventLease lease)
    {
        var rest = _claimed.ToArray();
        _claimed.Clear();
        _claimed.Enqueue(lease);
        foreach (var next in rest)
        {
            _claimed.Enqueue(next);
        }
    }

    /// <summary>
    /// Records the outcomes the store could not take when their events finished, oldest first; false (the rest kept)
    /// when it still cannot. A lease lost meanwhile writes nothing (the store's fence), and the event runs again.
    /// </summary>
    private async Task<bool> RecordUnrecordedAsync(CancellationToken cancellationToken)
    {
        while (_unrecorded.TryPeek(out var outcome))
        {
            try
            {
                await RecordAsync(outcome, cancellationToken);
            }
            catch (StorageUnavailableException)
            {
                return false;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            _unrecorded.TryDequeue(out _);
        }

        return true;
    }

    /// <summary>
    /// At shutdown, events claimed ahead but never started are handed back at once (their leases expire now), so another
    /// replica or the next start runs them without waiting out <see cref="ProcessingOptions.LeaseDuration"/>.
    /// </summary>
    private async Task ReleaseClaimedAsync()
    {
        if (_claimed.Count == 0)
        {
            return;
        }

        var waiting = _claimed.Count;
        _claimed.Clear();
        try
        {
            // Every event of this owner is finished by now, except these and any whose outcome could not be recorded;
            // releasing those too only lets them run again sooner.
            var released = await _store.ExpireLeasesAsync(Owner, CancellationToken.None);
            ProcessingLog.ClaimedReleased(_logger, released, waiting);
        }
        catch (StorageUnavailableException e)
        {
            ProcessingLog.ClaimedNotReleased(_logger, e, waiting);
        }
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> due events. It runs beside the loop, so it leaves the loop's state alone: a
    /// store failure comes back as <see cref="ClaimResult.StoreFailed"/> (the claim may have committed with its answer
    /// lost, see ReleaseOrphansAsync).
    /// </summary>
    private async Task<ClaimResult> ClaimAsync(int max, CancellationToken stoppingToken)
    {
        try
        {
            return new(await _store.ClaimAsync(Owner, max, _options.LeaseDuration, stoppingToken), max, false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            ProcessingLog.ClaimFailed(_logger, e, _options.PollInterval);
            return new([], max, e is StorageUnavailableException);
        }
    }

    /// <summary>A claim's answer: the leases, how many were asked for, and whether the store failed.</summary>
    private readonly record struct ClaimResult(IReadOnlyList<EventLease> Leases, int Wanted, bool StoreFailed);

    /// <summary>
    /// After a failed claim, once every event this processor knows it holds is finished and recorded, any lease still
    /// in its name is one a claim took while its answer was lost: all of them are released at once, so those events
    /// run now instead of after <see cref="ProcessingOptions.LeaseDuration"/>. False when the store still fails.
    /// </summary>
    private async Task<bool> ReleaseOrphansAsync(CancellationToken stoppingToken)
    {
        if (!_running.IsEmpty || !_recording.IsEmpty || _claimed.Count > 0 || !_unrecorded.IsEmpty)
        {
            return true;
        }

        try
        {
            var released = await _store.ExpireLeasesAsync(Owner, stoppingToken);
            _orphansPossible = false;
            if (released > 0)
            {
                ProcessingLog.OrphanLeasesReleased(_logger, released);
            }

            return true;
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    /// <summary>
    /// After a crash, the events our dead predecessor on this machine had leased would wait out
    /// <see cref="ProcessingOptions.LeaseDuration"/>; release them now (other replicas' leases expire normally).
    /// </summary>
    private async Task TakeBackPredecessorLeasesAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var owner in await _store.GetLeaseOwnersAsync(stoppingToken))
            {
                if (LeaseOwner.IsDeadPredecessor(owner, Environment.MachineName, LeaseOwner.ProcessStartMs))
                {
                    var released = await _store.ExpireLeasesAsync(owner, stoppingToken);
                    ProcessingLog.PredecessorLeasesReleased(_logger, released, owner);
                }
            }
        }
        catch (StorageUnavailableException e)
        {
            // Not fatal: those leases then expire as usual.
            ProcessingLog.ClaimFailed(_logger, e, _options.PollInterval);
        }
    }

    private void Start(EventLease lease)
    {
        var id = Interlocked.Increment(ref _nextRunId);
        Track(_running, id, Task.Run(() => ProcessAsync(lease, id), CancellationToken.None));
    }

    /// <summary>
    /// Keeps <paramref name="task"/> in <paramref name="tasks"/> until it completes, then wakes the loop: a free slot
    /// can start a claimed event, and a recorded outcome may make the next event of the same object claimable.
    /// </summary>
    private void Track(ConcurrentDictionary<long, Task> tasks, long id, Task task)
    {
        tasks[id] = task;

        // Registered after the add, so the removal always follows it.
        _ = task.ContinueWith(
            (_, state) =>
            {
                var (signal, set, runId) = ((InboxSignal, ConcurrentDictionary<long, Task>, long))state!;
                set.TryRemove(runId, out Task? _);
                signal.Notify();
            },
            (_signal, tasks, id),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task ProcessAsync(EventLease lease, long id)
    {
        // One span per attempt, a root of its own (processing happens later, maybe on another replica) linked to the
        // receive span whose context was stored with the event; a missing or malformed value means no link.
        ActivityLink[]? links = ActivityContext.TryParse(lease.TraceParent, null, isRemote: true, out var received)
            ? [new ActivityLink(received)]
            : null;
        var activity = ApplicationTelemetry.ActivitySource.StartActivity(
                "paymentevents.process", ActivityKind.Consumer, parentContext: default, links: links)
            ?.SetTag("paymentevents.event.id", lease.EventId).SetTag("paymentevents.event.type", lease.Type).SetTag("paymentevents.attempt", lease.Attempt);
        var started = _timeProvider.GetTimestamp();
        var recording = false;
        try
        {
            using var handlerCts = CancellationTokenSource.CreateLinkedTokenSource(_abortToken);
            using var renewalCts = CancellationTokenSource.CreateLinkedTokenSource(handlerCts.Token);
            var renewal = KeepLeaseAsync(lease, handlerCts, renewalCts.Token);
            DispatchResult result;
            try
            {
                result = await _dispatcher.DispatchAsync(lease, handlerCts.Token);
            }
            catch (OperationCanceledException) when (handlerCts.IsCancellationRequested)
            {
                renewalCts.Cancel();
                if (await renewal)
                {
                    ProcessingLog.LeaseLost(_logger, lease.EventId);
                }
                else
                {
                    ProcessingLog.Interrupted(_logger, lease.EventId);
                }

                return;
            }
#pragma warning disable CA1031 // the store failed mid-dispatch: the lease expires and the event is retried
            catch (Exception e)
#pragma warning restore CA1031
            {
                renewalCts.Cancel();
                await renewal;
                ProcessingLog.BookkeepingFailed(_logger, e, lease.EventId);
                return;
            }

            // Cancel, not CancelAsync: the only callback is the renewal's timer wait, which ends inline (no exception,
            // see KeepLeaseAsync), so the renewal is done by the next line without a thread-pool hop per event.
            renewalCts.Cancel();
            if (await renewal)
            {
                ProcessingLog.LeaseLost(_logger, lease.EventId);
                return;
            }

            // The handlers are done: the slot is free for the next event while this outcome waits for (and shares) a
            // group commit; the span ends once the outcome is written.
            recording = true;
            Track(_recording, id, FinishRunAsync(lease, result, _timeProvider.GetElapsedTime(started), activity));
        }
        finally
        {
            if (!recording)
            {
                activity?.Dispose();
            }
        }
    }

    private async Task FinishRunAsync(EventLease lease, DispatchResult result, TimeSpan duration, Activity? activity)
    {
        try
        {
            await FinishAsync(lease, result, duration);
        }
#pragma warning disable CA1031 // see ProcessAsync: the lease expires and the event is retried
        catch (Exception e)
#pragma warning restore CA1031
        {
            ProcessingLog.BookkeepingFailed(_logger, e, lease.EventId);
        }
        finally
        {
            activity?.Dispose();
        }
    }

    private async Task FinishAsync(EventLease lease, DispatchResult result, TimeSpan duration)
    {
        // One transaction for the event's handler runs and its outcome, shared with other events finishing now.
        // The store fences it with the lease: false means another worker owns the event now (our lease expired
        // and it was claimed, or it was replayed) and nothing was written.
        DateTimeOffset? retryAt = result.Status == DispatchStatus.Failed && lease.Attempt < _options.MaxAttempts
            ? _timeProvider.GetUtcNow() + _backoff.DelayAfter(lease.Attempt)
            : null;
        var completion = result.Status switch
        {
            DispatchStatus.Processed => EventCompletion.Processed(lease, result.Runs),
            DispatchStatus.Ignored => EventCompletion.Ignored(lease),
            DispatchStatus.Unreadable => EventCompletion.Failed(lease, [], result.Error!, null),
            _ => EventCompletion.Failed(lease, result.Runs, result.Error!, retryAt),
        };
        foreach (var failure in result.Failures)
        {
            ProcessingLog.HandlerFailed(_logger, failure.Exception, failure.Handler, lease.EventId, lease.Type, lease.Attempt, retryAt);
        }

        var outcome = new Outcome(completion, result, duration);
        try
        {
            await RecordAsync(outcome, _abortToken);
        }
        catch (StorageUnavailableException e)
        {
            // Kept and recorded by the loop once the store answers again (the lease stays ours meanwhile).
            ProcessingLog.BookkeepingFailed(_logger, e, lease.EventId);
            _unrecorded.Enqueue(outcome);
        }
    }

    private async Task RecordAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        var (completion, result, duration) = outcome;
        var lease = completion.Lease;
        if (!await _store.FinishAsync(completion, cancellationToken))
        {
            ProcessingLog.LeaseLost(_logger, lease.EventId);
            return;
        }

        _finished.Notify();

        switch (result.Status)
        {
            case DispatchStatus.Processed:
                _metrics.EventFinished("processed");
                ProcessingLog.EventProcessed(_logger, lease.EventId, lease.Type, result.Runs.Count, duration.TotalMilliseconds);
                break;
            case DispatchStatus.Ignored:
                _metrics.EventFinished("ignored");
                ProcessingLog.EventIgnored(_logger, lease.EventId, lease.Type);
                break;
            case DispatchStatus.Unreadable:
                _metrics.EventDead();
                ProcessingLog.EventUnreadable(_logger, lease.EventId, lease.Type, result.Error!);
                break;
            case DispatchStatus.Failed when completion.RetryAt is { } at:
                ProcessingLog.EventRetryScheduled(_logger, lease.EventId, lease.Attempt, _options.MaxAttempts, at, result.Error!);
                break;
            default:
                _metrics.EventDead();
                ProcessingLog.EventDead(_logger, lease.EventId, lease.Type, lease.Attempt, result.Error!);
                break;
        }
    }

    /// <summary>A finished event's outcome, kept until the store has taken it.</summary>
    private sealed record Outcome(EventCompletion Completion, DispatchResult Result, TimeSpan Duration);

    /// <summary>
    /// Renews the lease every third of its duration until <paramref name="stop"/> fires. Returns true when
    /// the lease was lost, after cancelling <paramref name="handlers"/> so the event's handlers stop.
    /// </summary>
    private async Task<bool> KeepLeaseAsync(EventLease lease, CancellationTokenSource handlers, CancellationToken stop)
    {
        var every = _options.LeaseDuration / 3;
        while (true)
        {
            // Nearly every event finishes before its first renewal: the stop ends this wait without an exception
            // (profiled: a thrown and caught cancellation per event was ~5% of the processor's CPU).
            await Task.Delay(every, _timeProvider, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stop.IsCancellationRequested)
            {
                return false;
            }

            bool held;
            try
            {
                held = await _store.RenewLeaseAsync(lease, _options.LeaseDuration, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database blip: keep going and try again; the lease has two more thirds to live.
                ProcessingLog.BookkeepingFailed(_logger, e, lease.EventId);
                continue;
            }

            if (!held)
            {
                await handlers.CancelAsync();
                return true;
            }
        }
    }
}
