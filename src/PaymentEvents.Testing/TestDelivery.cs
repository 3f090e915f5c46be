using System.Net;

namespace PaymentEvents.Testing;

/// <summary>What the app answered to one test delivery.</summary>
public sealed class TestDelivery
{
    internal TestDelivery(HttpStatusCode statusCode, string eventId, bool duplicate, string responseBody, byte[] body)
    {
        StatusCode = statusCode;
        EventId = eventId;
        Duplicate = duplicate;
        ResponseBody = responseBody;
        Body = body;
    }

    /// <summary>The status code: 200 when the event was stored (or was already), 401 for a bad signature, 400 for a bad body.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>id</c> of the delivered body (empty when it had none); what <c>WaitUntilHandledAsync</c> takes.</summary>
    public string EventId { get; }

    /// <summary>True when the app already had this event id (the answer was <c>{"received":true,"duplicate":true}</c>).</summary>
    public bool Duplicate { get; }

    /// <summary>The response body as text: the acknowledgement, or the <c>application/problem+json</c> of a refusal.</summary>
    public string ResponseBody { get; }

    /// <summary>The exact bytes sent, so the same delivery can be sent again.</summary>
    internal byte[] Body { get; }

    /// <inheritdoc />
    public override string ToString() => $"{(int)StatusCode} {EventId} {ResponseBody}";
}
