using System.Diagnostics;
using System.Globalization;

namespace PaymentEvents.Processing;

/// <summary>
/// Lease owner names: <c>{machine}/{pid}/{process start, unix ms}/{random}</c>. The start time tells a restarted
/// process from its predecessor when both have the same pid (in a container the service is always pid 1), so a
/// restarted instance can take back at once the leases its dead predecessor held instead of waiting them out.
/// </summary>
internal static class LeaseOwner
{
    /// <summary>Start times read twice may differ by rounding; processes with one pid start further apart.</summary>
    private const long StartToleranceMs = 1000;

    public static string Create(string machine, int pid, long startMs, string unique) =>
        string.Create(CultureInfo.InvariantCulture, $"{machine}/{pid}/{startMs}/{unique}");

    public static string ForThisProcess()
    {
        using var self = Process.GetCurrentProcess();
        return Create(Environment.MachineName, self.Id, StartMs(self), Guid.NewGuid().ToString("N")[..8]);
    }

    /// <summary>
    /// True when <paramref name="owner"/> was a processor on this machine whose process is gone: its pid runs no
    /// process, or a process that started at another time (pid reused, or it is us after a restart).
    /// Owners from other machines, older name formats and live processes are never taken.
    /// </summary>
    public static bool IsDeadPredecessor(string owner, string machine, Func<int, long?> processStartMs)
    {
        var parts = owner.Split('/');
        if (parts.Length != 4
            || !string.Equals(parts[0], machine, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var startMs))
        {
            return false;
        }

        return processStartMs(pid) is not { } running || Math.Abs(running - startMs) > StartToleranceMs;
    }

    /// <summary>Start time (unix ms) of the process with this id; null when none runs.</summary>
    public static long? ProcessStartMs(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : StartMs(process);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    private static long StartMs(Process process) =>
        new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero).ToUnixTimeMilliseconds();
}
