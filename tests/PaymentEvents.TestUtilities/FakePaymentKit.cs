using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaymentEvents.Protocol;
using PaymentEvents.Registration;

namespace PaymentEvents.TestUtilities;

/// <summary>One request as the fake Payment Kit received it.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string? Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    VerificationResult Verification);

/// <summary>
/// A simulated Payment Kit webhook-endpoint API (docs/protocol.md §4) behind <see cref="BaseUrl"/> (with a mount path).
/// It verifies every request's component-call signature with the real <see cref="SignatureVerifier"/> against the
/// app's public key and answers 401 like <c>verifySig</c> when it does not verify. Scripted failures
/// (<see cref="Enqueue"/>, <see cref="Unreachable"/>) simulate outages.
/// </summary>
public sealed class FakePaymentKit : HttpMessageHandler
{
    public const string MountPath = "/payment-kit";
    public static readonly Uri BaseUrl = new("http://payment-kit.test" + MountPath);

    private readonly SignatureVerifier verifier;
    private readonly List<WebhookEndpoint> endpoints = [];
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> script = new();
    private readonly Lock gate = new();
    private int nextId;

    public FakePaymentKit(AppKey appKey, TimeProvider timeProvider)
    {
        verifier = new SignatureVerifier(new KeyRing([appKey.ToTrustedKey("app")]), new SignatureVerifierOptions(), timeProvider);
    }

    /// <summary>Every request received, in order (including failed and scripted ones).</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Throw a connection error (as a refused connection does) instead of answering.</summary>
    public bool Unreachable { get; set; }

    /// <summary>Largest page the server returns, whatever size was asked.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Raised after each request is recorded.</summary>
    public event Action<RecordedRequest>? Received;

    internal IReadOnlyList<WebhookEndpoint> Endpoints
    {
        get
        {
            lock (gate)
            {
                return [.. endpoints];
            }
        }
    }

    public int Count(string method) => Requests.Count(r => r.Method == method);

    /// <summary>The next request gets this response instead of normal handling.</summary>
    public void Enqueue(HttpStatusCode status, string? json = null, TimeSpan? retryAfter = null) => script.Enqueue(() =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json ?? "{\"error\":\"scripted failure\"}", Encoding.UTF8, "application/json") };
        if (retryAfter is { } delay)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delay);
        }

        return response;
    });

    internal WebhookEndpoint Seed(string url, IReadOnlyList<string>? events = null, IReadOnlyDictionary<string, JsonElement>? metadata = null, string status = "enabled")
    {
        lock (gate)
        {
            var endpoint = new WebhookEndpoint
            {
                Id = NewId(),
                Livemode = false,
                ApiVersion = "2023-09-05",
                Url = url,
                Description = "seeded",
                EnabledEvents = events ?? ["invoice.paid"],
                Metadata = metadata ?? new Dictionary<string, JsonElement>(),
                Status = status,
                CreatedVia = "dashboard",
            };
            endpoints.Add(endpoint);
            return endpoint;
        }
    }

    /// <summary>Changes (or, returning null, deletes) an endpoint behind the client's back, as an operator would in the dashboard.</summary>
    internal void Mutate(string id, Func<WebhookEndpoint, WebhookEndpoint?> change)
    {
        lock (gate)
        {
            var index = endpoints.FindIndex(e => e.Id == id);
            var changed = change(endpoints[index]);
            if (changed is null)
            {
                endpoints.RemoveAt(index);
            }
            else
            {
                endpoints[index] = changed;
            }
        }
    }

    public static IReadOnlyDictionary<string, JsonElement> Metadata(params (string Key, string Value)[] pairs)
        => pairs.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value), StringComparer.Ordinal);
        var query = uri.Query.Length > 1 ? uri.Query[1..] : null;
        var signature = new SignatureHeaders(
            headers.GetValueOrDefault(SignatureHeaders.SignatureHeader),
            headers.GetValueOrDefault(SignatureHeaders.IssuedAtHeader),
            headers.GetValueOrDefault(SignatureHeaders.ExpiresAtHeader),
            headers.GetValueOrDefault(SignatureHeaders.VersionHeader),
            headers.GetValueOrDefault(SignatureHeaders.ComponentDidHeader));
        var verification = verifier.Verify(new SignedRequest(request.Method.Method, uri.AbsolutePath, query, body, signature));
        var recorded = new RecordedRequest(request.Method.Method, uri.AbsolutePath, query, headers, body.Length == 0 ? null : Encoding.UTF8.GetString(body), verification);
        Requests.Enqueue(recorded);
        Received?.Invoke(recorded);

        if (Unreachable)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (payment-kit.test:80)");
        }

        if (script.TryDequeue(out var scripted))
        {
            return scripted();
        }

        if (!verification.IsValid)
        {
            return Json(HttpStatusCode.Unauthorized, new JsonObject { ["error"] = "verify sig failed" });
        }

        var parameters = ParseQuery(query);
        if (!parameters.ContainsKey("livemode"))
        {
            return Json(HttpStatusCode.BadRequest, new JsonObject { ["error"] = "livemode missing from the query" });
        }

        if (!uri.AbsolutePath.StartsWith(MountPath + "/api/webhook-endpoints", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.NotFound, new JsonObject { ["error"] = "not found" });
        }

        var rest = uri.AbsolutePath[(MountPath + "/api/webhook-endpoints").Length..].Trim('/');
        lock (gate)
        {
            return (request.Method.Method, rest.Length == 0) switch
            {
                ("GET", true) => List(parameters),
                ("POST", true) => Create(body),
                ("GET", false) => Find(rest) is { } found ? Json(HttpStatusCode.OK, found) : NotFound(rest),
                ("PUT", false) => Update(rest, body),
                ("DELETE", false) => Delete(rest),
                _ => Json(HttpStatusCode.MethodNotAllowed, new JsonObject { ["error"] = "method not allowed" }),
            };
        }
    }

    private HttpResponseMessage List(Dictionary<string, string> parameters)
    {
        var page = int.Parse(parameters.GetValueOrDefault("page", "1"), CultureInfo.InvariantCulture);
        var size = Math.Min(int.Parse(parameters.GetValueOrDefault("size", "20"), CultureInfo.InvariantCulture), MaxPageSize);
        var slice = endpoints.Skip((page - 1) * size).Take(size).ToList();
        return Json(HttpStatusCode.OK, new { list = slice, count = endpoints.Count });
    }

    private HttpResponseMessage Create(byte[] body)
    {
        var write = JsonSerializer.Deserialize<WebhookEndpointWrite>(body)!;
        if (string.IsNullOrEmpty(write.Url) || write.EnabledEvents is not { Count: > 0 })
        {
            return Json(HttpStatusCode.BadRequest, new JsonObject { ["error"] = "url and enabled_events are required" });
        }

        var endpoint = new WebhookEndpoint
        {
            Id = NewId(),
            Livemode = false,
            ApiVersion = "2023-09-05",
            Url = write.Url,
            Description = write.Description ?? "",
            EnabledEvents = write.EnabledEvents,
            Metadata = write.Metadata ?? new Dictionary<string, JsonElement>(),
            Status = "enabled",
            CreatedVia = "api",
        };
        endpoints.Add(endpoint);
        return Json(HttpStatusCode.OK, endpoint);
    }

    private HttpResponseMessage Update(string id, byte[] body)
    {
        var index = endpoints.FindIndex(e => e.Id == id);
        if (index < 0)
        {
            return NotFound(id);
        }

        var write = JsonSerializer.Deserialize<WebhookEndpointWrite>(body)!;
        var old = endpoints[index];
        var updated = old with
        {
            Url = write.Url ?? old.Url,
            EnabledEvents = write.EnabledEvents ?? old.EnabledEvents,
            Description = write.Description ?? old.Description,
            Metadata = write.Metadata ?? old.Metadata,
            Status = write.Status ?? old.Status,
        };
        endpoints[index] = updated;
        return Json(HttpStatusCode.OK, updated);
    }

    private HttpResponseMessage Delete(string id)
    {
        var found = Find(id);
        if (found is null)
        {
            return NotFound(id);
        }

        endpoints.Remove(found);
        return Json(HttpStatusCode.OK, found);
    }

    private WebhookEndpoint? Find(string id) => endpoints.Find(e => e.Id == Uri.UnescapeDataString(id));

    private static HttpResponseMessage NotFound(string id) => Json(HttpStatusCode.NotFound, new JsonObject { ["error"] = $"webhook endpoint {id} not found" });

    private string NewId() => string.Create(CultureInfo.InvariantCulture, $"we_{++nextId:D6}");

    private static Dictionary<string, string> ParseQuery(string? query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (query ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            result[key] = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
        }

        return result;
    }

    private static HttpResponseMessage Json(HttpStatusCode status, object value) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json"),
    };
}
