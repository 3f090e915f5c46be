namespace PaymentEvents.Protocol;

/// <summary>The set of keys tried in order; rotation adds a key here before the sender switches.</summary>
public sealed class KeyRing
{
    /// <summary>Creates a ring from keys tried in the given order.</summary>
    public KeyRing(IEnumerable<TrustedKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = [.. keys];
        HasArcblock = Keys.Any(k => k.WalletType == WalletType.Arcblock);
        HasEthereum = Keys.Any(k => k.WalletType == WalletType.Ethereum);
    }

    /// <summary>The keys, in the order they are tried.</summary>
    public IReadOnlyList<TrustedKey> Keys { get; }

    internal bool HasArcblock { get; }

    internal bool HasEthereum { get; }
}
