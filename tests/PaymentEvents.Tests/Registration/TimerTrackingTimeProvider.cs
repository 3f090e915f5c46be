using Microsoft.Extensions.Time.Testing;

namespace PaymentEvents.Tests.Registration;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also knows which of its timers are armed and when they are due. Tests use it
/// as the signal that code under test has reached its waiting point (its delay is registered) before they move time,
/// so "nothing happened after N minutes" cannot pass merely because the code had not started waiting yet.
/// </summary>
internal sealed class TimerTrackingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock gate = new();
    private readonly Dictionary<TrackedTimer, DateTimeOffset> armed = [];

    /// <summary>The due times of the timers that are armed now, earliest first.</summary>
    public IReadOnlyList<DateTimeOffset> PendingDueTimes
    {
        get
        {
            lock (gate)
            {
                return [.. armed.Values.Order()];
            }
        }
    }

    /// <summary>True when an armed timer is due exactly at <paramref name="due"/>.</summary>
    public bool HasPendingTimerAt(DateTimeOffset due) => PendingDueTimes.Contains(due);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this, callback, state, period);

        // Armed before the base timer exists: a zero due time may fire inside base.CreateTimer.
        Arm(tracked, dueTime);
        tracked.Inner = base.CreateTimer(tracked.Fire, null, dueTime, period);
        return tracked;
    }

    private void Arm(TrackedTimer timer, TimeSpan dueTime)
    {
        lock (gate)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                armed.Remove(timer);
            }
            else
            {
                armed[timer] = GetUtcNow() + dueTime;
            }
        }
    }

    private void Fired(TrackedTimer timer)
    {
        lock (gate)
        {
            if (timer.Period == Timeout.InfiniteTimeSpan || timer.Period == TimeSpan.Zero)
            {
                armed.Remove(timer);
            }
            else if (armed.TryGetValue(timer, out var due))
            {
                armed[timer] = due + timer.Period;
            }
        }
    }

    private void Disarm(TrackedTimer timer)
    {
        lock (gate)
        {
            armed.Remove(timer);
        }
    }

    private sealed class TrackedTimer(TimerTrackingTimeProvider owner, TimerCallback callback, object? state, TimeSpan period) : ITimer
    {
        public ITimer? Inner { get; set; }

        public TimeSpan Period { get; private set; } = period;

        public void Fire(object? ignored)
        {
            owner.Fired(this);
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Period = period;
            owner.Arm(this, dueTime);
            return Inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            owner.Disarm(this);
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            owner.Disarm(this);
            return Inner?.DisposeAsync() ?? ValueTask.CompletedTask;
        }
    }
}
