using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PaymentEvents.Operations;

/// <summary>
/// The event id of <c>…/events/{id}</c> and <c>…/events/{id}/replay</c> (admin API and dashboard), decoded from the
/// request target as the client sent it. The route value cannot be used: Kestrel leaves <c>%2F</c> encoded in the
/// path (so an id with '/' never matched), and decoding what is left would be ambiguous (<c>%252F</c> arrives as
/// <c>%2F</c> too). In the raw target every segment is still exactly as encoded, so the id's segment decodes once.
/// </summary>
internal static class EventIdRoute
{
    /// <param name="http">The request.</param>
    /// <param name="routeValue">The route's <c>{id}</c>, used when there is no raw target (an in-memory server).</param>
    /// <param name="segmentsAfter">Path segments after the id: 0 for <c>/events/{id}</c>, 1 for <c>/events/{id}/replay</c>.</param>
    public static string Decode(HttpContext http, string routeValue, int segmentsAfter)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            return routeValue;
        }

        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var segments = (query < 0 ? raw : raw[..query]).Split('/');
        var index = segments.Length - 1 - segmentsAfter;
        return index < 1 ? routeValue : Uri.UnescapeDataString(segments[index]);
    }
}
