namespace PaymentEvents.Events;

// The one list of documented event types (docs/protocol.md §2 table): one sealed class per type, named by its [EventType].
// EventTypes.Documented, PaymentEventParser.DocumentedEventClasses and the parser's factories are all derived from
// these attributes, so a new documented type is one class here. A handler for PaymentEvent<Subscription> receives
// every subscription event, these included.

/// <summary>A checkout session was completed.</summary>
[EventType(EventTypes.CheckoutSessionCompleted)]
public sealed record CheckoutSessionCompleted : PaymentEvent<CheckoutSession>;

/// <summary>The NFT of a checkout session was minted.</summary>
[EventType(EventTypes.CheckoutSessionNftMinted)]
public sealed record CheckoutSessionNftMinted : PaymentEvent<CheckoutSession>;

/// <summary>A subscription was created.</summary>
[EventType(EventTypes.CustomerSubscriptionCreated)]
public sealed record SubscriptionCreated : PaymentEvent<Subscription>;

/// <summary>A subscription started.</summary>
[EventType(EventTypes.CustomerSubscriptionStarted)]
public sealed record SubscriptionStarted : PaymentEvent<Subscription>;

/// <summary>A subscription was renewed for another period.</summary>
[EventType(EventTypes.CustomerSubscriptionRenewed)]
public sealed record SubscriptionRenewed : PaymentEvent<Subscription>;

/// <summary>A subscription was upgraded.</summary>
[EventType(EventTypes.CustomerSubscriptionUpgraded)]
public sealed record SubscriptionUpgraded : PaymentEvent<Subscription>;

/// <summary>A subscription changed; <see cref="PaymentEvent.PreviousAttributes"/> says what.</summary>
[EventType(EventTypes.CustomerSubscriptionUpdated)]
public sealed record SubscriptionUpdated : PaymentEvent<Subscription>;

/// <summary>A subscription ended.</summary>
[EventType(EventTypes.CustomerSubscriptionDeleted)]
public sealed record SubscriptionDeleted : PaymentEvent<Subscription>;

/// <summary>A subscription was paused.</summary>
[EventType(EventTypes.CustomerSubscriptionPaused)]
public sealed record SubscriptionPaused : PaymentEvent<Subscription>;

/// <summary>A paused subscription was resumed.</summary>
[EventType(EventTypes.CustomerSubscriptionResumed)]
public sealed record SubscriptionResumed : PaymentEvent<Subscription>;

/// <summary>A subscription's trial began.</summary>
[EventType(EventTypes.CustomerSubscriptionTrialStart)]
public sealed record SubscriptionTrialStart : PaymentEvent<Subscription>;

/// <summary>A subscription's trial ends soon.</summary>
[EventType(EventTypes.CustomerSubscriptionTrialWillEnd)]
public sealed record SubscriptionTrialWillEnd : PaymentEvent<Subscription>;

/// <summary>A subscription's trial ended.</summary>
[EventType(EventTypes.CustomerSubscriptionTrialEnd)]
public sealed record SubscriptionTrialEnd : PaymentEvent<Subscription>;

/// <summary>A payment succeeded.</summary>
[EventType(EventTypes.PaymentIntentSucceeded)]
public sealed record PaymentIntentSucceeded : PaymentEvent<PaymentIntent>;

/// <summary>A payment attempt failed.</summary>
[EventType(EventTypes.PaymentIntentPaymentFailed)]
public sealed record PaymentIntentPaymentFailed : PaymentEvent<PaymentIntent>;

/// <summary>An invoice was paid.</summary>
[EventType(EventTypes.InvoicePaid)]
public sealed record InvoicePaid : PaymentEvent<Invoice>;

/// <summary>A refund succeeded.</summary>
[EventType(EventTypes.RefundSucceeded)]
public sealed record RefundSucceeded : PaymentEvent<Refund>;
