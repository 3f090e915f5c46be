namespace PaymentEvents.Receiver;

/// <summary>
/// Set on the request by the callback once the body parsed: which event this delivery carries, for the host's
/// request log line (and anything else that wants it) without reading the body again.
/// </summary>
public sealed record ReceivedEventFeature(string Id, string Type);
