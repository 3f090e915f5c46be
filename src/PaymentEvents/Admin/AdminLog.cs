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
}
