namespace PaymentEvents.Events;

// One sealed class per documented event type (PROTOCOL §2 table). PaymentEventParser maps type names to them;
// a handler for PaymentEvent<Subscription> receives every subscription event, these included.

/// <summary><c>checkout.session.completed</c>.</summary>
public sealed record CheckoutSessionCompleted : PaymentEvent<CheckoutSession>;

/// <summary><c>checkout.session.nft_minted</c>.</summary>
public sealed record CheckoutSessionNftMinted : PaymentEvent<CheckoutSession>;

/// <summary><c>customer.subscription.created</c>.</summary>
public sealed record SubscriptionCreated : PaymentEvent<Subscription>;

/// <summary><c>customer.subscription.started</c>.</summary>
public sealed record SubscriptionStarted : PaymentEvent<Subscription>;

/// <summary><c>customer.subscription.renewed</c>.</summary>
public sealed record SubscriptionRenewed : PaymentEvent<Subscription>;

/// <summary><c>customer.subscription.upgraded</c>.</summary>
public sealed record SubscriptionUpgraded : PaymentEvent<Subscription>;

/// <summary><c>customer.subscription.updated</c>.</summary>
public sealed record SubscriptionUpdated : PaymentEvent<Subscription>;

/// <summary><c>customer.subscription.deleted</c>.</summary>
public sealed record SubscriptionDeleted : PaymentEvent<Subscription>;

/// <summary><c>customer.subscription.paused</c>.</summary>
public sealed record SubscriptionPaused : PaymentEvent<Subscription>;

/// <summary><c>customer.subscription.resumed</c>.</summary>
public sealed record SubscriptionResumed : PaymentEvent<Subscription>;

/// <summary><c>customer.subscription.trial_start</c>.</summary>
public sealed record SubscriptionTrialStart : PaymentEvent<Subscription>;

/// <summary><c>customer.subscription.trial_will_end</c>.</summary>
public sealed record SubscriptionTrialWillEnd : PaymentEvent<Subscription>;

/// <summary><c>customer.subscription.trial_end</c>.</summary>
public sealed record SubscriptionTrialEnd : PaymentEvent<Subscription>;

/// <summary><c>payment_intent.succeeded</c>.</summary>
public sealed record PaymentIntentSucceeded : PaymentEvent<PaymentIntent>;

/// <summary><c>payment_intent.payment_failed</c>.</summary>
public sealed record PaymentIntentPaymentFailed : PaymentEvent<PaymentIntent>;

/// <summary><c>invoice.paid</c>.</summary>
public sealed record InvoicePaid : PaymentEvent<Invoice>;

/// <summary><c>refund.succeeded</c>.</summary>
public sealed record RefundSucceeded : PaymentEvent<Refund>;
