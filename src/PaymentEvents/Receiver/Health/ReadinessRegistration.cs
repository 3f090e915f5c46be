namespace PaymentEvents.Receiver.Health;

/// <summary>
/// The registration part's state as /readyz shows it. REGISTRATION-WIRING: replaced by the
/// registration branch's state singleton once it lands.
/// </summary>
internal sealed class ReadinessRegistration
{
    private readonly Dictionary<string, string> _unknown = new(StringComparer.Ordinal) { ["state"] = "unknown" };

    public object Describe() => _unknown;
}
