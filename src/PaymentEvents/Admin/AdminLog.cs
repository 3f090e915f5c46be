using Microsoft.Extensions.Logging;

namespace PaymentEvents.Admin;

internal static partial class AdminLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Admin API is off (/api/events answers 404): set Admin:ApiKey (or Admin:ReadOnlyApiKey) to turn it on.")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Admin API on at /api/events (header X-Api-Key).")]
    public static partial void Enabled(ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning,
        Message = "Admin API request without a valid X-Api-Key from {Client} ({Outcome}); {Failures} such request(s) since the last line of this kind (logged at most every {IntervalSeconds} s, counted in paymentevents.admin.auth_failures).")]
    public static partial void AuthenticationFailed(ILogger logger, string client, string outcome, long failures, double intervalSeconds);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information,
        Message = "Dashboard on at {Path} (signed in with {Guard}).")]
    public static partial void DashboardEnabled(ILogger logger, string path, string guard);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information,
        Message = "Dashboard is off: set Admin:ApiKey, Admin:ReadOnlyApiKey or Dashboard:AuthorizationPolicy to turn it on.")]
    public static partial void DashboardDisabled(ILogger logger);
}
