using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace PaymentEvents.Registration;

/// <summary>
/// Payment Kit's webhook-endpoint API (docs/protocol.md §4; <c>@blocklet/payment-js</c> <c>resources/webhook-endpoint.js</c>).
/// A typed HttpClient: retries and timeouts come from its resilience handler, signing from
/// <see cref="ComponentCallSigningHandler"/>. Calls never throw for HTTP or network failures: they return a
/// <see cref="PaymentKitResult{T}"/> (cancellation still throws).
/// </summary>
internal sealed partial class PaymentKitClient(HttpClient httpClient, IOptionsMonitor<PaymentKitOptions> options, ILogger<PaymentKitClient> logger)
{
    /// <summary>Page size used by <see cref="ListAllAsync"/> (the product example lists 100 at a time).</summary>
    public const int DefaultPageSize = 100;

    // Guards against a server that ignores paging and returns the same page forever.
    private const int MaxPages = 10_000;

    private const string ResourcePath = "/api/webhook-endpoints";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>One page of endpoints (<c>GET /api/webhook-endpoints?page=&amp;size=&amp;livemode=</c>).</summary>
    public Task<PaymentKitResult<WebhookEndpointPage>> ListAsync(int page = 1, int size = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"page={page}&size={size}");
        return SendAsync<WebhookEndpointPage>(HttpMethod.Get, ResourcePath, query, body: null, cancellationToken);
    }

    /// <summary>Every endpoint, page by page, until <c>count</c> are collected or a page comes back empty.</summary>
    public async Task<PaymentKitResult<IReadOnlyList<WebhookEndpoint>>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<WebhookEndpoint>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var result = await ListAsync(page, DefaultPageSize, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return result.Error;
            }

            var current = result.Value!;
            all.AddRange(current.List);

            // Stop on count, not on a short page: a server that caps the page size below ours would
            // otherwise look like the last page and hide our endpoint further on.
            if (current.List.Count == 0 || all.Count >= current.Count)
            {
                break;
            }
        }

        return PaymentKitResult.Success<IReadOnlyList<WebhookEndpoint>>(all);
    }

    public Task<PaymentKitResult<WebhookEndpoint>> RetrieveAsync(string id, CancellationToken cancellationToken = default)
        => SendAsync<WebhookEndpoint>(HttpMethod.Get, ItemPath(id), null, null, cancellationToken);

    public Task<PaymentKitResult<WebhookEndpoint>> CreateAsync(WebhookEndpointWrite endpoint, CancellationToken cancellationToken = default)
        => SendAsync<WebhookEndpoint>(HttpMethod.Post, ResourcePath, null, endpoint ?? throw new ArgumentNullException(nameof(endpoint)), cancellationToken);

    public Task<PaymentKitResult<WebhookEndpoint>> UpdateAsync(string id, WebhookEndpointWrite changes, CancellationToken cancellationToken = default)
        => SendAsync<WebhookEndpoint>(HttpMethod.Put, ItemPath(id), null, changes ?? throw new ArgumentNullException(nameof(changes)), cancellationToken);

    public Task<PaymentKitResult<WebhookEndpoint>> DeleteAsync(string id, CancellationToken cancellationToken = default)
        => SendAsync<WebhookEndpoint>(HttpMethod.Delete, ItemPath(id), null, null, cancellationToken);

    private static string ItemPath(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return $"{ResourcePath}/{Uri.EscapeDataString(id)}";
    }

    private async Task<PaymentKitResult<T>> SendAsync<T>(HttpMethod method, string path, string? query, object? body, CancellationToken cancellationToken)
        where T : class
    {
        var current = options.CurrentValue;
        if (current.BaseUrl is null)
        {
            return new PaymentKitError(null, "PaymentKit:BaseUrl is not configured.", Transient: false);
        }

        // payment-js always adds livemode to the params, so it is in the query (and the signed query) as "true"/"false".
        var livemode = current.Livemode ? "true" : "false";
        var fullQuery = query is null ? $"livemode={livemode}" : $"{query}&livemode={livemode}";
        var uri = new Uri($"{current.BaseUrl.AbsoluteUri.TrimEnd('/')}{path}?{fullQuery}", UriKind.Absolute);

        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), JsonOptions);
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        }

        request.Headers.Accept.Add(new("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (PaymentKitConfigurationException ex)
        {
            return new PaymentKitError(null, ex.Message, Transient: false);
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(logger, method.Method, uri.AbsolutePath, ex.Message);
            return new PaymentKitError(null, $"Payment Kit is unreachable at {current.BaseUrl}: {ex.Message}", Transient: true);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or TaskCanceledException or TimeoutException)
        {
            LogTimedOut(logger, method.Method, uri.AbsolutePath);
            return new PaymentKitError(null, $"Payment Kit at {current.BaseUrl} did not answer in time.", Transient: true);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    var value = await response.Content.ReadFromJsonAsync<T>(JsonOptions, cancellationToken).ConfigureAwait(false);
                    return value is null
                        ? new PaymentKitError(response.StatusCode, "Payment Kit answered with an empty body.", Transient: false)
                        : PaymentKitResult.Success(value);
                }
                catch (JsonException ex)
                {
                    return new PaymentKitError(response.StatusCode, $"Payment Kit answered with JSON this client does not understand: {ex.Message}", Transient: false);
                }
            }

            var message = await ReadErrorMessageAsync(response, cancellationToken).ConfigureAwait(false);
            var status = response.StatusCode;
            var transient = (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            LogFailed(logger, method.Method, uri.AbsolutePath, (int)status, message);
            return new PaymentKitError(status, message, transient);
        }
    }

    /// <summary>Payment Kit's own error text (<c>{"error": "..."}</c> or <c>{"message": "..."}</c>), else a short excerpt.</summary>
    private static async Task<string> ReadErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            text = "";
        }

        if (text.Length > 0)
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var name in (ReadOnlySpan<string>)["error", "message", "msg"])
                    {
                        if (doc.RootElement.TryGetProperty(name, out var value))
                        {
                            if (value.ValueKind == JsonValueKind.String)
                            {
                                return value.GetString()!;
                            }

                            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.String)
                            {
                                return inner.GetString()!;
                            }
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON: fall through to the raw excerpt.
            }

            var excerpt = text.Length > 200 ? string.Concat(text.AsSpan(0, 200), "…") : text;
            return new StringBuilder(excerpt).Replace('\r', ' ').Replace('\n', ' ').ToString();
        }

        return response.ReasonPhrase ?? "no error message";
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "Payment Kit {Method} {Path} failed: unreachable ({Reason})")]
    private static partial void LogUnreachable(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Debug, Message = "Payment Kit {Method} {Path} timed out")]
    private static partial void LogTimedOut(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Debug, Message = "Payment Kit {Method} {Path} answered {StatusCode}: {ErrorMessage}")]
    private static partial void LogFailed(ILogger logger, string method, string path, int statusCode, string errorMessage);
}
