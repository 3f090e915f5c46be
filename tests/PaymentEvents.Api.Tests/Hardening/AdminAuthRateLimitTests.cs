using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Hardening;

/// <summary>Guessing the admin key from one client (127.0.0.1 over a real socket) is capped, counted and logged sparingly.</summary>
public sealed class AdminAuthRateLimitTests : IDisposable
{
    private const int Limit = 5;

    private readonly KestrelReceiver _receiver = KestrelReceiver.Start(s => s["Admin:AuthFailuresPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task Wrong_keys_are_401_up_to_the_limit_then_429_for_every_key_with_a_metric_and_one_log_line()
    {
        var meterFactory = _receiver.Host.Services.GetRequiredService<IMeterFactory>();
        using var failures = new MetricCollector<long>(meterFactory, "PaymentEvents", "paymentevents.admin.auth_failures");
        using var client = _receiver.CreateClient();

        // Right key first: allowed, and not counted.
        Assert.Equal(HttpStatusCode.OK, (await Get(client, ReceiverHost.AdminKey)).StatusCode);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            answers.Add((await Get(client, "wrong-key-" + i)).StatusCode);
        }

        Assert.All(answers.Take(Limit), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(answers.Skip(Limit), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        // Locked out: even the right key is refused, so a lucky guess is indistinguishable from a wrong one.
        var right = await Get(client, ReceiverHost.AdminKey);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        var measurements = failures.GetMeasurementSnapshot();
        Assert.Equal(Limit, measurements.Where(m => (string?)m.Tags["outcome"] == "unauthorized").Sum(m => m.Value));
        Assert.Equal(40 - Limit + 1, measurements.Where(m => (string?)m.Tags["outcome"] == "rate_limited").Sum(m => m.Value));

        // Rate-limited logging: 41 refusals within seconds, one warning line (the next one would carry the count).
        var lines = _receiver.Logs.GetSnapshot().Where(r => r.Id.Id == 2003).ToList();
        var line = Assert.Single(lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("127.0.0.1", line.Message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.Add("X-Api-Key", key);
        return client.SendAsync(request);
    }
}
