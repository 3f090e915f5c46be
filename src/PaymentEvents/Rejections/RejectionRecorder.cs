using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PaymentEvents.Rejections;

/// <summary>
/// Endpoint filter on the callback: when it answers 400, 401 or 413, the request goes into the <see cref="RejectionLog"/>.
/// The callback puts the 401 reason (which its response does not say) in <see cref="ReasonItem"/>.
/// </summary>
internal sealed class RejectionRecorder(RejectionLog log, TimeProvider timeProvider) : IEndpointFilter
{
    public const string ReasonItem = "PaymentEvents.RejectionReason";

    /// <summary>The callback's <see cref="Receiver.RequestBody"/>, alive until the response completes.</summary>
    public const string BodyItem = "PaymentEvents.RequestBody";
    internal const int ExcerptBytes = 1024;
    private const int MaxHeaderValue = 256;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var result = await next(context);

        // The callback returns Results<Ok<...>, ProblemHttpResult>: look at the result inside.
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is IStatusCodeHttpResult { StatusCode: 400 or 401 or 413 } rejected)
        {
            var reason = http.Items.TryGetValue(ReasonItem, out var noted) && noted is string text
                ? text
                : (answer as ProblemHttpResult)?.ProblemDetails.Detail ?? "rejected";
            // The bytes the callback read (none when it refused the body unread, e.g. a Content-Length over the limit).
            var excerpt = http.Items.TryGetValue(BodyItem, out var read) && read is Receiver.RequestBody body
                ? body.Memory.Span[..Math.Min(body.Length, ExcerptBytes)]
                : [];
            log.Add(Describe(http, rejected.StatusCode!.Value, reason, excerpt));
        }

        return result;
    }

    private RejectedDelivery Describe(HttpContext http, int status, string reason, ReadOnlySpan<byte> excerpt)
    {
        var request = http.Request;
        var headers = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            var value = values.ToString();
            headers[name] = IsSecret(name)
                ? $"[{value.Length} characters, not shown]"
                : value.Length > MaxHeaderValue ? value[..MaxHeaderValue] + "…" : value;
        }

        return new RejectedDelivery(
            timeProvider.GetUtcNow(),
            status,
            reason,
            http.Connection.RemoteIpAddress?.ToString(),
            request.Method,
            (request.PathBase + request.Path).Value ?? "/",
            headers,
            request.ContentLength,
            Encoding.UTF8.GetString(excerpt));
    }

    // The signature itself (a captured one could be replayed within its window) and any credentials.
    private static bool IsSecret(string name) =>
        name.Equals("x-component-sig", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || name.Equals("X-Api-Key", StringComparison.OrdinalIgnoreCase);
}
