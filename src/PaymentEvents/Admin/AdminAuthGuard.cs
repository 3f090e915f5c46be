using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Admin;

/// <summary>
/// The admin API's authentication, one per host (a singleton: <see cref="ApiKeyFilter"/> is created per request).
/// 401 problem unless the key is <c>Admin:ApiKey</c> or <c>Admin:ReadOnlyApiKey</c> (<see cref="AdminKeys"/>, constant time). Failed attempts are
/// limited per client IP (ASP.NET Core's partitioned rate limiter, <c>Admin:AuthFailuresPerMinute</c>): once a
/// client has used them up, every request from it is a 429 with <c>Retry-After</c> until the window ends, before the
/// key is even compared, so guessing is capped at that rate. Failures are counted in
/// <c>paymentevents.admin.auth_failures</c> and logged at most once per <see cref="LogInterval"/>.
/// </summary>
internal sealed class AdminAuthGuard : IDisposable
{
    private const string HeaderName = ApiKeyFilter.HeaderName;

    internal static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    internal static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly PartitionedRateLimiter<string> _failuresPerClient;
    private readonly RateLimiter _logLines;
    private readonly PaymentEventsMetrics _metrics;
    private readonly ILogger _logger;
    private readonly AdminKeys _keys;
    private long _unlogged;

    public AdminAuthGuard(AdminKeys keys, IOptions<AdminOptions> options, PaymentEventsMetrics metrics, ILogger<AdminAuthGuard> logger)
    {
        var admin = options.Value;
        var permits = admin.AuthFailuresPerMinute;
        _failuresPerClient = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(
            client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
        _logLines = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = LogInterval, QueueLimit = 0 });
        _metrics = metrics;
        _logger = logger;
        _keys = keys;
    }

    /// <summary>
    /// What <paramref name="provided"/> allows <paramref name="http"/>'s client, or a refusal (401, or 429 once the
    /// client has used up its failures) to answer instead. Used by the API's <c>X-Api-Key</c> filter and the
    /// dashboard's sign-in form alike, so guessing through either is capped at the same rate.
    /// </summary>
    public AdminAccess Authenticate(HttpContext http, string? provided, out IResult? refusal)
    {
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        // Locked out: refused before the key is compared, so a right guess is not told apart from a wrong one.
        if (_failuresPerClient.GetStatistics(client) is { CurrentAvailablePermits: <= 0 })
        {
            refusal = RateLimited(http, client);
            return AdminAccess.None;
        }

        var access = _keys.Check(provided);
        if (access != AdminAccess.None)
        {
            refusal = null;
            return access;
        }

        using var lease = _failuresPerClient.AttemptAcquire(client);
        if (!lease.IsAcquired)
        {
            refusal = RateLimited(http, client);
            return AdminAccess.None;
        }

        Failed(client, "unauthorized");
        refusal = TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: $"A valid {HeaderName} header is required.");
        return AdminAccess.None;
    }

    public void Dispose()
    {
        _failuresPerClient.Dispose();
        _logLines.Dispose();
    }

    private ProblemHttpResult RateLimited(HttpContext http, string client)
    {
        Failed(client, "rate_limited");
        http.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many failed authentications",
            detail: $"Too many requests without a valid {HeaderName} from this client; retry after the Retry-After seconds.");
    }

    private void Failed(string client, string outcome)
    {
        _metrics.AdminAuthFailure(outcome);

        // One line per interval however many guesses arrive: the line says how many it stands for.
        var unlogged = Interlocked.Increment(ref _unlogged);
        using var line = _logLines.AttemptAcquire();
        if (line.IsAcquired)
        {
            Interlocked.Add(ref _unlogged, -unlogged);
            AdminLog.AuthenticationFailed(_logger, client, outcome, unlogged, LogInterval.TotalSeconds);
        }
    }
}
