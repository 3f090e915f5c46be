using Microsoft.Extensions.Logging;

namespace PaymentEvents.Admin;

internal static partial class AdminLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Admin API is off (/api/events answers 404): set Admin:ApiKey to turn it on.")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Admin API on at /api/events (header X-Api-Key).")]
    public static partial void Enabled(ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning,
        Message = "Admin API request without a valid X-Api-Key from {Client} ({Outcome}); {Failures} such request(s) since the last line of this kind (logged at most every {IntervalSeconds} s, counted in paymentevents.admin.auth_failures).")]
    public static partial void AuthenticationFailed(ILogger logger, string client, string outcome, long failures, double intervalSeconds);
}
