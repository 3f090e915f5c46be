using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using PaymentEvents.Protocol;

// Usage:
//   keygen                                   prints "<secretKeyHex> <publicKeyHex>"
//   run <baseUrl> <secretKeyHex> [count=5000] [concurrency=32] [path=/api/payment/callback] [rate=0]
// Pre-signs <count> distinct events (V1, fresh, 300 s validity) and then sends them over keep-alive connections,
// timing each request until its 2xx ack. rate=0: closed loop, <concurrency> workers each send the next request
// when the last one was answered. rate>0: open loop, request i is due at start + i/rate whatever the answers
// (up to <concurrency> connections), and its latency counts from when it was due, so a stall is not hidden by
// the generator waiting (coordinated omission). Last line: "RESULT {json}" for tests/load/bench.sh.
if (args.Length >= 1 && args[0] == "keygen")
{
    var generated = AppKey.Generate();
    Console.WriteLine($"{generated.SecretKeyHex} {generated.PublicKeyHex}");
    return 0;
}

if (args.Length < 3 || args[0] != "run")
{
    Console.Error.WriteLine("usage: keygen | run <baseUrl> <secretKeyHex> [count] [concurrency] [path]");
    return 2;
}

var baseUrl = new Uri(args[1]);
var key = AppKey.FromSecretKeyHex(args[2]);
var count = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5000;
var concurrency = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 32;
var path = args.Length > 5 ? args[5] : "/api/payment/callback";
var rate = args.Length > 6 ? double.Parse(args[6], CultureInfo.InvariantCulture) : 0;
var signer = new RequestSigner(key, TimeProvider.System);

var signWatch = Stopwatch.StartNew();
var requests = new (byte[] Body, SignatureHeaders Headers)[count];
var run = Guid.NewGuid().ToString("N")[..8];
for (var i = 0; i < count; i++)
{
    var json = $$$"""{"id":"evt_load_{{{run}}}_{{{i}}}","livemode":false,"type":"customer.subscription.renewed","object_type":"Subscription","object_id":"sub_load_{{{run}}}_{{{i}}}","data":{"object":{"id":"sub_load_{{{run}}}_{{{i}}}","status":"active","amount":"1000000000000000000"},"previous_attributes":{"current_period_end":1700000000}},"pending_webhooks":1,"metadata":{},"created_at":"2025-02-19T03:46:42.662Z"}""";
    var body = Encoding.UTF8.GetBytes(json);
    requests[i] = (body, signer.SignV1("POST", path, null, body));
}

Console.WriteLine($"signed {count} deliveries in {signWatch.Elapsed.TotalSeconds:F2}s");

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
var latencies = new double[count];
var statuses = new int[count];
var lags = new double[count]; // open loop: how late the generator itself sent each request (counted in its latency)
var next = -1;

var wall = Stopwatch.StartNew();
async Task SendAsync(int i, long due)
{
    var (body, headers) = requests[i];
    lags[i] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
    using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
    request.Content.Headers.ContentType = new("application/json");
    request.Headers.TryAddWithoutValidation(SignatureHeaders.SignatureHeader, headers.Signature);
    request.Headers.TryAddWithoutValidation(SignatureHeaders.IssuedAtHeader, headers.IssuedAt);
    request.Headers.TryAddWithoutValidation(SignatureHeaders.ExpiresAtHeader, headers.ExpiresAt);
    request.Headers.TryAddWithoutValidation(SignatureHeaders.VersionHeader, headers.Version);
    try
    {
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        statuses[i] = (int)response.StatusCode;
    }
    catch (HttpRequestException)
    {
        statuses[i] = 0;
    }

    latencies[i] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
}

if (rate <= 0)
{
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            await SendAsync(i, Stopwatch.GetTimestamp());
        }
    }));
}
else
{
    var start = Stopwatch.GetTimestamp();
    var inFlight = new List<Task>(count);
    long Due(int i) => start + (long)(i / rate * Stopwatch.Frequency);
    var sent = 0;
    while (sent < count)
    {
        // Send everything that is due, never early; then sleep only when the next one is far off (a timer wakes ~1 ms
        // late) and otherwise yield, so the pacing stays within tens of microseconds and the answers keep flowing.
        var now = Stopwatch.GetTimestamp();
        while (sent < count && Due(sent) <= now)
        {
            inFlight.Add(SendAsync(sent, Due(sent)));
            sent++;
        }

        if (sent < count)
        {
            var wait = Stopwatch.GetElapsedTime(now, Due(sent));
            if (wait > TimeSpan.FromMilliseconds(2))
            {
                await Task.Delay(wait - TimeSpan.FromMilliseconds(1.5));
            }
            else
            {
                await Task.Yield();
            }
        }
    }

    await Task.WhenAll(inFlight);
}

wall.Stop();

Array.Sort(latencies);
double Percentile(double p) => latencies[Math.Min(count - 1, (int)Math.Ceiling(p * count) - 1)];
var ok = statuses.Count(s => s == (int)HttpStatusCode.OK);
Console.WriteLine($"deliveries: {count}, concurrency: {concurrency}, wall: {wall.Elapsed.TotalSeconds:F2}s");
Console.WriteLine($"throughput: {count / wall.Elapsed.TotalSeconds:F0} deliveries/s");
Console.WriteLine($"ack latency ms: p50 {Percentile(0.50):F2}  p90 {Percentile(0.90):F2}  p99 {Percentile(0.99):F2}  max {latencies[^1]:F2}");
if (rate > 0)
{
    Array.Sort(lags);
    Console.WriteLine($"generator lag ms (send time - due time, part of the latency above): p50 {lags[count / 2]:F2}  p99 {lags[Math.Min(count - 1, (int)Math.Ceiling(0.99 * count) - 1)]:F2}");
}

Console.WriteLine("status codes: " + string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}")));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT {{\"count\":{count},\"ok\":{ok},\"seconds\":{wall.Elapsed.TotalSeconds:F3},\"rps\":{count / wall.Elapsed.TotalSeconds:F1},\"p50\":{Percentile(0.50):F2},\"p99\":{Percentile(0.99):F2},\"max\":{latencies[^1]:F2}}}"));
return ok == count ? 0 : 1;
