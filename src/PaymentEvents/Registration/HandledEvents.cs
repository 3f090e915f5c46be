namespace PaymentEvents.Registration;

/// <summary>What the app handles: the event types its handlers declare, and whether a catch-all handler exists.</summary>
public sealed record HandledEvents(IReadOnlyCollection<string> Types, bool HasCatchAll)
{
    /// <summary>No handlers.</summary>
    public static HandledEvents None { get; } = new([], false);
}

/// <summary>
/// Supplies <see cref="HandledEvents"/> when registration runs (after the container is built, so handler
/// discovery has finished). The host wires it to the dispatch feature's handler registry.
/// </summary>
internal delegate HandledEvents HandledEventsProvider();
