namespace PaymentEvents.Receiver;

/// <summary>
/// Set on the request by the callback once it has read the body: what <see cref="RejectionRecorder"/> writes into the
/// rejection log when the delivery is refused, and its response does not say (the bytes that arrived, the 401 reason).
/// </summary>
internal sealed class DeliveryRejectionFeature(ReadOnlyMemory<byte> body)
{
    /// <summary>The bytes the callback read; alive until the response completes (the callback's pooled buffer).</summary>
    public ReadOnlyMemory<byte> Body { get; } = body;

    /// <summary>Why the signature was refused (<c>expired: ...</c>), which the 401 keeps to itself; null otherwise.</summary>
    public string? Reason { get; set; }
}
