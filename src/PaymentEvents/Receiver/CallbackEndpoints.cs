using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PaymentEvents.Processing;
using PaymentEvents.Protocol;
using PaymentEvents.Storage;
using PaymentEvents.Telemetry;

namespace PaymentEvents.Receiver;

/// <summary>The webhook route <c>POST {Webhooks:Path}</c> (README.md "HTTP", docs/protocol.md §3).</summary>
internal static class CallbackEndpoints
{
    /// <summary>Seconds Payment Kit is asked to wait before retrying a delivery we could not store.</summary>
    internal const int RetryAfterSeconds = 5;

    public static RouteHandlerBuilder MapCallback(this IEndpointRouteBuilder endpoints, string path) =>
        endpoints.MapPost(path, ReceiveAsync)
            .WithName("ReceivePaymentEvent")
            .WithTags("Webhook")
            .WithSummary("Receives a signed Payment Kit event delivery.")
            .WithDescription("Verifies the x-component-sig signature (V1, or V0 when Webhooks:AllowV0Signatures), stores the event, "
                + "then acknowledges it. Handlers run later, off the request path. 503 + Retry-After when it could not be stored.")
            .Accepts<object>("application/json")
            .Produces<CallbackResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery()
            .AddEndpointFilter<RejectionRecorder>();

    internal static async Task<Results<Ok<CallbackResponse>, ProblemHttpResult>> ReceiveAsync(
        HttpContext http,
        ReceiverContext receiver,
        InboxEntry inbox)
    {
        var started = receiver.TimeProvider.GetTimestamp();
        // receive -> verify -> store, under the ASP.NET Core request span (which carries any incoming traceparent).
        using var receive = ApplicationTelemetry.ActivitySource.StartActivity("paymentevents.receive");
        var options = receiver.Options;
        var request = http.Request;

        // 413 without reading: the declared length, then a bounded read for chunked bodies. The bounded read counts the
        // body's own bytes, so it is the one limit; Kestrel's per-request limit is lifted because for a chunked body it
        // counts the chunk framing too (a 1,048,438-byte body in 8 KB chunks was a 413 under a 1 MiB limit), and a
        // server-wide default (30 MB) below Webhooks:MaxBodyBytes would be a second, hidden limit.
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        if (request.ContentLength > options.MaxBodyBytes)
        {
            return TooLarge(receiver, started);
        }

        RequestBody? body;
        // The whole body within Webhooks:BodyReadTimeout: Kestrel's minimum data rate alone lets a trickling sender
        // hold a 1 MiB read for over an hour.
        using var readDeadline = new CancellationTokenSource(options.BodyReadTimeout, receiver.TimeProvider);
        try
        {
            body = await RequestBody.ReadAsync(request, options.MaxBodyBytes, readDeadline.Token, http.RequestAborted);
        }
        catch (OperationCanceledException) when (readDeadline.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            // The rest of the body is never read: the connection is not reused (Kestrel drains briefly, then closes it).
            http.Response.Headers.Connection = "close";
            return BodyNotRead(http, receiver, started, StatusCodes.Status408RequestTimeout,
                $"The body did not arrive within {WebhookOptions.SectionName}:BodyReadTimeout ({options.BodyReadTimeout}).");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limits (MinRequestBodyDataRate: a body trickling in slower than 240 B/s after a 5 s grace,
            // a malformed chunk): an answer for the client, one warning line for us, no stack trace.
            return BodyNotRead(http, receiver, started, ex.StatusCode, ex.Message);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-body: nobody to answer, nothing stored.
            return BodyNotRead(http, receiver, started, StatusCodes.Status400BadRequest, "the client closed the connection");
        }

        if (body is null)
        {
            return TooLarge(receiver, started);
        }

        // Returned to the pool when the response is done, not here: the rejection log reads the excerpt of a refused
        // delivery from these bytes after the endpoint has answered (no second copy of every body).
        http.Response.RegisterForDispose(body);
        var rejection = new DeliveryRejectionFeature(body.Memory);
        http.Features.Set(rejection);
        var headers = ReadHeaders(request);
        if (string.IsNullOrEmpty(headers.Signature))
        {
            return BadRequest(receiver, started, "missing_signature", $"The {SignatureHeaders.SignatureHeader} header is missing.");
        }

        // Cheap early reject: headers no trusted key could have signed, or outside their time window, cost no body parse.
        if (receiver.Verifier.CheckHeaders(headers) is { } refused)
        {
            return Rejected(receiver, started, null, refused);
        }

        // A body of unusual shape is never refused for it, but is parsed and verified in a lane of its own, so a flood
        // of them under garbage signatures cannot take more than that lane (SECURITY.md).
        using var lane = BodyShape.IsHeavy(body.Memory.Span) ? await EnterHeavyLaneAsync(http, receiver) : null;
        if (lane is { IsAcquired: false })
        {
            return Unavailable(http, receiver, started, "busy", "Too many deliveries of unusual shape are being verified; retry later.");
        }

        if (!DeliveryEnvelope.TryParse(body.Memory, out var envelope, out var bodyError))
        {
            return BadRequest(receiver, started, "invalid_body", bodyError);
        }

        http.Features.Set(new ReceivedEventFeature(envelope.Id, envelope.Type));
        receive?.SetTag("paymentevents.event.id", envelope.Id).SetTag("paymentevents.event.type", envelope.Type);

        var signed = new SignedRequest(request.Method, PrimaryPath(http), QueryOf(request), body.Memory, headers)
        {
            AlternatePaths = AlternatePaths(http, receiver.CallbackPath),
        };
        VerificationResult verdict;
        using (var verify = ApplicationTelemetry.ActivitySource.StartActivity("paymentevents.verify"))
        {
            verdict = receiver.Verifier.Verify(signed);
            verify?.SetTag("paymentevents.verification.status", ReasonName(verdict.Status));
        }

        lane?.Dispose();
        if (!verdict.IsValid)
        {
            rejection.Reason = $"{ReasonName(verdict.Status)}: {verdict.Reason}";
            return Rejected(receiver, started, envelope, verdict);
        }

        InboxEntryResult stored;
        {
            // Stored before acknowledging: a 2xx is a promise the event will be handled.
            // Not cancelled by a client abort; the insert is one statement either way.
            // The payload is stored as the bytes that arrived; the store is done with them when the insert returns.
            // The receive span's context goes with the event, so the later processing span links to this delivery.
            var traceParent = receive?.IdFormat == ActivityIdFormat.W3C ? receive.Id : null;
            using var storeSpan = ApplicationTelemetry.ActivitySource.StartActivity("paymentevents.store");
            var now = receiver.TimeProvider.GetUtcNow();
            // The answer comes within Storage:WriteTimeout whatever the database does (frozen, unreachable): past it
            // the insert is given up and the delivery is a 503 (see IInboxWriter.InsertAsync for what may be written).
            using var deadline = new CancellationTokenSource(receiver.StoreDeadline, receiver.TimeProvider);
            // A new event wakes the processor there: no handler work on the request path.
            stored = await inbox.StoreAsync(
                new NewEvent(envelope.Id, envelope.Type, envelope.ObjectId, envelope.Livemode, body.Memory, now) { TraceParent = traceParent },
                deadline.Token);
        }

        if (stored.Failure is { } failure)
        {
            if (failure.InFlightWrite is { } inFlight)
            {
                // Its commit still reads the payload: the pooled body goes back only when that commit has ended.
                body.KeepUntil(inFlight);
            }

            ReceiverLog.StoreUnavailable(receiver.Logger, envelope.Id, envelope.Type, failure.Message);
            ReceiverLog.StoreUnavailableDetails(receiver.Logger, failure, envelope.Id);
            receiver.Metrics.Delivery(DeliveryOutcome.Unavailable, null, receiver.TimeProvider.GetElapsedTime(started));
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Event store unavailable",
                detail: "The event could not be stored; retry later.");
        }

        var duplicate = stored.IsDuplicate;
        ReceiverLog.Accepted(receiver.Logger, envelope.Id, envelope.Type, duplicate, verdict.Version, verdict.MatchedKey?.Name, verdict.MatchedPath);
        receiver.Metrics.Delivery(duplicate ? DeliveryOutcome.Duplicate : DeliveryOutcome.Stored, null, receiver.TimeProvider.GetElapsedTime(started));
        return TypedResults.Ok(new CallbackResponse(true, duplicate));
    }

    private static async Task<System.Threading.RateLimiting.RateLimitLease> EnterHeavyLaneAsync(HttpContext http, ReceiverContext receiver)
    {
        var lease = await receiver.HeavyLane.EnterAsync(http.RequestAborted);
        if (!lease.IsAcquired)
        {
            ReceiverLog.HeavyLaneFull(receiver.Logger, http.Connection.RemoteIpAddress?.ToString());
        }

        return lease;
    }

    private static ProblemHttpResult Unavailable(HttpContext http, ReceiverContext receiver, long started, string reason, string detail)
    {
        receiver.Metrics.Delivery(DeliveryOutcome.Unavailable, reason, receiver.TimeProvider.GetElapsedTime(started));
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service busy", detail: detail);
    }

    private static ProblemHttpResult TooLarge(ReceiverContext receiver, long started)
    {
        ReceiverLog.TooLarge(receiver.Logger, receiver.Options.MaxBodyBytes);
        receiver.Metrics.Delivery(DeliveryOutcome.Rejected, "too_large", receiver.TimeProvider.GetElapsedTime(started));
        return TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Body too large",
            detail: $"The body is larger than {receiver.Options.MaxBodyBytes} bytes.");
    }

    private static ProblemHttpResult BadRequest(ReceiverContext receiver, long started, string reason, string detail)
    {
        ReceiverLog.BadRequest(receiver.Logger, detail);
        receiver.Metrics.Delivery(DeliveryOutcome.Rejected, reason, receiver.TimeProvider.GetElapsedTime(started));
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad delivery", detail: detail);
    }

    private static ProblemHttpResult BodyNotRead(HttpContext http, ReceiverContext receiver, long started, int statusCode, string reason)
    {
        ReceiverLog.BodyNotRead(receiver.Logger, statusCode, reason, http.Connection.RemoteIpAddress?.ToString());
        receiver.Metrics.Delivery(DeliveryOutcome.Rejected, "body_not_read", receiver.TimeProvider.GetElapsedTime(started));
        return TypedResults.Problem(statusCode: statusCode, title: "Body not read", detail: reason);
    }

    private static ProblemHttpResult Rejected(ReceiverContext receiver, long started, DeliveryEnvelope? envelope, VerificationResult verdict)
    {
        // Header problems are the sender's format, not a forgery: 400 with the reason (README.md, "HTTP").
        if (verdict.Status is VerificationStatus.MissingSignature or VerificationStatus.MalformedHeaders or VerificationStatus.BodyNotJson)
        {
            var reason = verdict.Status == VerificationStatus.BodyNotJson ? "invalid_body" : "malformed_headers";
            return BadRequest(receiver, started, reason, verdict.Reason);
        }

        // 401 says nothing more: the why goes to the log and the metric only.
        var status = ReasonName(verdict.Status);
        ReceiverLog.SignatureRejected(receiver.Logger, envelope?.Id ?? "(body not read)", envelope?.Type ?? "-", status, verdict.Reason, receiver.KeyNames);
        receiver.Metrics.SignatureFailure(status);
        receiver.Metrics.Delivery(DeliveryOutcome.Rejected, "signature", receiver.TimeProvider.GetElapsedTime(started));
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: "signature verification failed");
    }

    internal static string ReasonName(VerificationStatus status) => status switch
    {
        VerificationStatus.Valid => "valid",
        VerificationStatus.MissingSignature => "missing_signature",
        VerificationStatus.MalformedHeaders => "malformed_headers",
        VerificationStatus.BodyNotJson => "body_not_json",
        VerificationStatus.Expired => "expired",
        VerificationStatus.ValidityWindowTooLong => "validity_window_too_long",
        VerificationStatus.NotYetValid => "not_yet_valid",
        VerificationStatus.V0NotAllowed => "v0_not_allowed",
        VerificationStatus.NoTrustedKeyMatched => "no_trusted_key_matched",
        _ => "other",
    };

    private static SignatureHeaders ReadHeaders(HttpRequest request)
    {
        var h = request.Headers;
        return new SignatureHeaders(
            Header(h, SignatureHeaders.SignatureHeader),
            Header(h, SignatureHeaders.IssuedAtHeader),
            Header(h, SignatureHeaders.ExpiresAtHeader),
            Header(h, SignatureHeaders.VersionHeader),
            Header(h, SignatureHeaders.ComponentDidHeader));

        static string? Header(IHeaderDictionary headers, string name) =>
            headers.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;
    }

    private static string? QueryOf(HttpRequest request) =>
        request.QueryString.HasValue ? request.QueryString.Value![1..] : null;

    /// <summary>
    /// The path exactly as the client sent it (the raw request target, not decoded), which is what a
    /// Node sender signs as <c>url</c> (docs/protocol.md §3: path only, no query).
    /// </summary>
    private static string PrimaryPath(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(raw) && raw[0] == '/')
        {
            var q = raw.IndexOf('?', StringComparison.Ordinal);
            return q < 0 ? raw : raw[..q];
        }

        return (http.Request.PathBase + http.Request.Path).Value ?? "/";
    }

    /// <summary>
    /// Paths the sender may have signed besides the raw target (docs/protocol.md §3): the decoded path, the path under the
    /// prefix a trusted proxy stripped, and the path of PaymentKit:CallbackUrl. Prefix headers are never read here:
    /// <see cref="Proxies.TrustedProxiesExtensions.UseTrustedProxies"/> turns at most one <c>X-Forwarded-Prefix</c> /
    /// <c>x-path-prefix</c>, and only from a proxy in ForwardedHeaders:KnownProxies/KnownNetworks, into PathBase.
    /// So a client cannot add candidates (each one re-hashes the body), nor make a delivery signed for another
    /// service's path verify here. At most three candidates, none equal to the raw path.
    /// </summary>
    internal static List<string> AlternatePaths(HttpContext http, string? callbackPath)
    {
        var request = http.Request;
        var primary = PrimaryPath(http);
        List<string> paths = [request.Path.Value ?? "/"];
        if (request.PathBase.HasValue)
        {
            paths.Add((request.PathBase + request.Path).Value!);
        }

        if (callbackPath is not null)
        {
            paths.Add(callbackPath);
        }

        return [.. paths.Distinct(StringComparer.Ordinal).Where(p => !string.Equals(p, primary, StringComparison.Ordinal))];
    }
}

/// <summary>The acknowledgement body: <c>{"received":true,"duplicate":false}</c>.</summary>
internal sealed record CallbackResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("received")] bool Received,
    [property: System.Text.Json.Serialization.JsonPropertyName("duplicate")] bool Duplicate);
