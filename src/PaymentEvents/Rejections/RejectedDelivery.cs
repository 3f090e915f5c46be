using System.Text.Json.Serialization;

namespace PaymentEvents.Rejections;

/// <summary>
/// One delivery the callback refused (400/401/413), as someone setting up keys needs to see it: signature header
/// values are replaced by their length, the body is cut to an excerpt.
/// </summary>
public sealed record RejectedDelivery(
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("remote_address")] string? RemoteAddress,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string> Headers,
    [property: JsonPropertyName("body_length")] long? BodyLength,
    [property: JsonPropertyName("body_excerpt")] string BodyExcerpt);

/// <summary><c>GET /api/rejections</c>: newest first.</summary>
internal sealed record RejectionListResponse(
    [property: JsonPropertyName("items")] IReadOnlyList<RejectedDelivery> Items,
    [property: JsonPropertyName("capacity")] int Capacity);
