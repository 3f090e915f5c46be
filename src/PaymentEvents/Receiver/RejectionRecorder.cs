using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PaymentEvents.Protocol;
using PaymentEvents.Rejections;

namespace PaymentEvents.Receiver;

/// <summary>
/// Endpoint filter on the callback: when it answers 400, 401 or 413, the request goes into the <see cref="RejectionLog"/>.
/// The callback hands over the body it read and the 401 reason (which its response does not say) in a
/// <see cref="DeliveryRejectionFeature"/>.
/// </summary>
internal sealed class RejectionRecorder(RejectionLog log, TimeProvider timeProvider) : IEndpointFilter
{
    private const int MaxHeaderValue = 256;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var result = await next(context);

        // The callback returns Results<Ok<...>, ProblemHttpResult>: look at the result inside.
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is IStatusCodeHttpResult { StatusCode: 400 or 401 or 413 } rejected)
        {
            var delivery = http.Features.Get<DeliveryRejectionFeature>();
            var reason = delivery?.Reason ?? (answer as ProblemHttpResult)?.ProblemDetails.Detail ?? "rejected";
            // The bytes the callback read (none when it refused the body unread, e.g. a Content-Length over the limit).
            var excerpt = delivery is null ? [] : delivery.Body.Span[..Math.Min(delivery.Body.Length, RejectionLog.ExcerptBytes)];
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
        name.Equals(SignatureHeaders.SignatureHeader, StringComparison.OrdinalIgnoreCase)
        || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || name.Equals("X-Api-Key", StringComparison.OrdinalIgnoreCase);
}
