namespace PaymentEvents.Events;

// Known values of LiteralUnion<..., string> enums of @blocklet/payment-types@1.27.2. The models keep these as strings
// so that values Payment Kit adds later deserialize (docs/protocol.md §2); compare against these constants.

/// <summary>Known values of <c>Subscription.status</c>.</summary>
public static class SubscriptionStatus
{
    /// <summary><c>active</c>.</summary>
    public const string Active = "active";

    /// <summary><c>past_due</c>.</summary>
    public const string PastDue = "past_due";

    /// <summary><c>paused</c>.</summary>
    public const string Paused = "paused";

    /// <summary><c>canceled</c>.</summary>
    public const string Canceled = "canceled";

    /// <summary><c>incomplete</c>.</summary>
    public const string Incomplete = "incomplete";

    /// <summary><c>incomplete_expired</c>.</summary>
    public const string IncompleteExpired = "incomplete_expired";

    /// <summary><c>trialing</c>.</summary>
    public const string Trialing = "trialing";
}

/// <summary>Known values of <c>collection_method (subscriptions, invoices)</c>.</summary>
public static class CollectionMethod
{
    /// <summary><c>charge_automatically</c>.</summary>
    public const string ChargeAutomatically = "charge_automatically";

    /// <summary><c>send_invoice</c>.</summary>
    public const string SendInvoice = "send_invoice";
}

/// <summary>Known values of <c>Subscription.cancelation_details.feedback</c>.</summary>
public static class CancelationFeedback
{
    /// <summary><c>too_expensive</c>.</summary>
    public const string TooExpensive = "too_expensive";

    /// <summary><c>missing_features</c>.</summary>
    public const string MissingFeatures = "missing_features";

    /// <summary><c>switched_service</c>.</summary>
    public const string SwitchedService = "switched_service";

    /// <summary><c>unused</c>.</summary>
    public const string Unused = "unused";

    /// <summary><c>customer_service</c>.</summary>
    public const string CustomerService = "customer_service";

    /// <summary><c>too_complex</c>.</summary>
    public const string TooComplex = "too_complex";

    /// <summary><c>low_quality</c>.</summary>
    public const string LowQuality = "low_quality";

    /// <summary><c>other</c>.</summary>
    public const string Other = "other";
}

/// <summary>Known values of <c>Subscription.cancelation_details.reason</c>.</summary>
public static class CancelationReason
{
    /// <summary><c>cancellation_requested</c>.</summary>
    public const string CancellationRequested = "cancellation_requested";

    /// <summary><c>payment_disputed</c>.</summary>
    public const string PaymentDisputed = "payment_disputed";

    /// <summary><c>payment_failed</c>.</summary>
    public const string PaymentFailed = "payment_failed";

    /// <summary><c>stake_revoked</c>.</summary>
    public const string StakeRevoked = "stake_revoked";
}

/// <summary>Known values of <c>Subscription.cancelation_details.refund</c>.</summary>
public static class CancelationRefund
{
    /// <summary><c>last</c>.</summary>
    public const string Last = "last";

    /// <summary><c>proration</c>.</summary>
    public const string Proration = "proration";

    /// <summary><c>none</c>.</summary>
    public const string None = "none";
}

/// <summary>Known values of <c>Subscription.pause_collection.behavior</c>.</summary>
public static class PauseCollectionBehavior
{
    /// <summary><c>keep_as_draft</c>.</summary>
    public const string KeepAsDraft = "keep_as_draft";

    /// <summary><c>mark_uncollectible</c>.</summary>
    public const string MarkUncollectible = "mark_uncollectible";

    /// <summary><c>void</c>.</summary>
    public const string Void = "void";
}

/// <summary>Known values of <c>trial_settings.end_behavior.missing_payment_method</c>.</summary>
public static class MissingPaymentMethodBehavior
{
    /// <summary><c>cancel</c>.</summary>
    public const string Cancel = "cancel";

    /// <summary><c>pause</c>.</summary>
    public const string Pause = "pause";

    /// <summary><c>create_invoice</c>.</summary>
    public const string CreateInvoice = "create_invoice";
}

/// <summary>Known values of <c>proration_behavior</c>.</summary>
public static class ProrationBehavior
{
    /// <summary><c>always_invoice</c>.</summary>
    public const string AlwaysInvoice = "always_invoice";

    /// <summary><c>create_prorations</c>.</summary>
    public const string CreateProrations = "create_prorations";

    /// <summary><c>none</c>.</summary>
    public const string None = "none";
}

/// <summary>Known values of <c>Subscription.payment_behavior</c>.</summary>
public static class PaymentBehavior
{
    /// <summary><c>allow_incomplete</c>.</summary>
    public const string AllowIncomplete = "allow_incomplete";

    /// <summary><c>error_if_incomplete</c>.</summary>
    public const string ErrorIfIncomplete = "error_if_incomplete";

    /// <summary><c>pending_if_incomplete</c>.</summary>
    public const string PendingIfIncomplete = "pending_if_incomplete";
}

/// <summary>Known values of <c>CheckoutSession.mode</c>.</summary>
public static class CheckoutSessionMode
{
    /// <summary><c>payment</c>.</summary>
    public const string Payment = "payment";

    /// <summary><c>setup</c>.</summary>
    public const string Setup = "setup";

    /// <summary><c>subscription</c>.</summary>
    public const string Subscription = "subscription";
}

/// <summary>Known values of <c>CheckoutSession.status</c>.</summary>
public static class CheckoutSessionStatus
{
    /// <summary><c>complete</c>.</summary>
    public const string Complete = "complete";

    /// <summary><c>open</c>.</summary>
    public const string Open = "open";

    /// <summary><c>expired</c>.</summary>
    public const string Expired = "expired";
}

/// <summary>Known values of <c>CheckoutSession.payment_status</c>.</summary>
public static class CheckoutPaymentStatus
{
    /// <summary><c>paid</c>.</summary>
    public const string Paid = "paid";

    /// <summary><c>unpaid</c>.</summary>
    public const string Unpaid = "unpaid";

    /// <summary><c>no_payment_required</c>.</summary>
    public const string NoPaymentRequired = "no_payment_required";
}

/// <summary>Known values of <c>CheckoutSession.nft_mint_status</c>.</summary>
public static class NftMintStatus
{
    /// <summary><c>disabled</c>.</summary>
    public const string Disabled = "disabled";

    /// <summary><c>pending</c>.</summary>
    public const string Pending = "pending";

    /// <summary><c>minted</c>.</summary>
    public const string Minted = "minted";

    /// <summary><c>sent</c>.</summary>
    public const string Sent = "sent";

    /// <summary><c>error</c>.</summary>
    public const string Error = "error";
}

/// <summary>Known values of <c>CheckoutSession.fulfillment_status, vendor_info[].status</c>.</summary>
public static class FulfillmentStatus
{
    /// <summary><c>pending</c>.</summary>
    public const string Pending = "pending";

    /// <summary><c>processing</c>.</summary>
    public const string Processing = "processing";

    /// <summary><c>completed</c>.</summary>
    public const string Completed = "completed";

    /// <summary><c>failed</c>.</summary>
    public const string Failed = "failed";

    /// <summary><c>cancelled</c>.</summary>
    public const string Cancelled = "cancelled";

    /// <summary><c>max_retries_exceeded</c>.</summary>
    public const string MaxRetriesExceeded = "max_retries_exceeded";

    /// <summary><c>return_requested</c>.</summary>
    public const string ReturnRequested = "return_requested";

    /// <summary><c>sent</c>.</summary>
    public const string Sent = "sent";

    /// <summary><c>returning</c>.</summary>
    public const string Returning = "returning";

    /// <summary><c>returned</c>.</summary>
    public const string Returned = "returned";
}

/// <summary>Known values of <c>Price.type</c>.</summary>
public static class PriceType
{
    /// <summary><c>one_time</c>.</summary>
    public const string OneTime = "one_time";

    /// <summary><c>recurring</c>.</summary>
    public const string Recurring = "recurring";
}

/// <summary>Known values of <c>PriceRecurring.interval</c>.</summary>
public static class RecurringInterval
{
    /// <summary><c>hour</c>.</summary>
    public const string Hour = "hour";

    /// <summary><c>day</c>.</summary>
    public const string Day = "day";

    /// <summary><c>week</c>.</summary>
    public const string Week = "week";

    /// <summary><c>month</c>.</summary>
    public const string Month = "month";

    /// <summary><c>year</c>.</summary>
    public const string Year = "year";
}

/// <summary>Known values of <c>PaymentIntent.status</c>.</summary>
public static class PaymentIntentStatus
{
    /// <summary><c>requires_payment_method</c>.</summary>
    public const string RequiresPaymentMethod = "requires_payment_method";

    /// <summary><c>requires_confirmation</c>.</summary>
    public const string RequiresConfirmation = "requires_confirmation";

    /// <summary><c>requires_action</c>.</summary>
    public const string RequiresAction = "requires_action";

    /// <summary><c>processing</c>.</summary>
    public const string Processing = "processing";

    /// <summary><c>requires_capture</c>.</summary>
    public const string RequiresCapture = "requires_capture";

    /// <summary><c>canceled</c>.</summary>
    public const string Canceled = "canceled";

    /// <summary><c>succeeded</c>.</summary>
    public const string Succeeded = "succeeded";
}

/// <summary>Known values of <c>PaymentIntent.cancellation_reason</c>.</summary>
public static class PaymentIntentCancellationReason
{
    /// <summary><c>abandoned</c>.</summary>
    public const string Abandoned = "abandoned";

    /// <summary><c>duplicate</c>.</summary>
    public const string Duplicate = "duplicate";

    /// <summary><c>requested_by_customer</c>.</summary>
    public const string RequestedByCustomer = "requested_by_customer";

    /// <summary><c>fraudulent</c>.</summary>
    public const string Fraudulent = "fraudulent";

    /// <summary><c>failed_invoice</c>.</summary>
    public const string FailedInvoice = "failed_invoice";

    /// <summary><c>void_invoice</c>.</summary>
    public const string VoidInvoice = "void_invoice";

    /// <summary><c>automatic</c>.</summary>
    public const string Automatic = "automatic";
}

/// <summary>Known values of <c>Invoice.status</c>.</summary>
public static class InvoiceStatus
{
    /// <summary><c>draft</c>.</summary>
    public const string Draft = "draft";

    /// <summary><c>open</c>.</summary>
    public const string Open = "open";

    /// <summary><c>void</c>.</summary>
    public const string Void = "void";

    /// <summary><c>paid</c>.</summary>
    public const string Paid = "paid";

    /// <summary><c>uncollectible</c>.</summary>
    public const string Uncollectible = "uncollectible";
}

/// <summary>Known values of <c>Invoice.billing_reason</c>.</summary>
public static class InvoiceBillingReason
{
    /// <summary><c>subscription_create</c>.</summary>
    public const string SubscriptionCreate = "subscription_create";

    /// <summary><c>subscription_cycle</c>.</summary>
    public const string SubscriptionCycle = "subscription_cycle";

    /// <summary><c>subscription_update</c>.</summary>
    public const string SubscriptionUpdate = "subscription_update";

    /// <summary><c>subscription_recover</c>.</summary>
    public const string SubscriptionRecover = "subscription_recover";

    /// <summary><c>subscription_threshold</c>.</summary>
    public const string SubscriptionThreshold = "subscription_threshold";

    /// <summary><c>subscription_cancel</c>.</summary>
    public const string SubscriptionCancel = "subscription_cancel";

    /// <summary><c>subscription</c>.</summary>
    public const string Subscription = "subscription";

    /// <summary><c>manual</c>.</summary>
    public const string Manual = "manual";

    /// <summary><c>upcoming</c>.</summary>
    public const string Upcoming = "upcoming";

    /// <summary><c>slash_stake</c>.</summary>
    public const string SlashStake = "slash_stake";

    /// <summary><c>stake</c>.</summary>
    public const string Stake = "stake";

    /// <summary><c>overdraft_protection</c>.</summary>
    public const string OverdraftProtection = "overdraft_protection";

    /// <summary><c>stake_overdraft_protection</c>.</summary>
    public const string StakeOverdraftProtection = "stake_overdraft_protection";

    /// <summary><c>recharge</c>.</summary>
    public const string Recharge = "recharge";

    /// <summary><c>auto_recharge</c>.</summary>
    public const string AutoRecharge = "auto_recharge";
}

/// <summary>Known values of <c>Refund.status</c>.</summary>
public static class RefundStatus
{
    /// <summary><c>pending</c>.</summary>
    public const string Pending = "pending";

    /// <summary><c>requires_action</c>.</summary>
    public const string RequiresAction = "requires_action";

    /// <summary><c>processing</c>.</summary>
    public const string Processing = "processing";

    /// <summary><c>failed</c>.</summary>
    public const string Failed = "failed";

    /// <summary><c>canceled</c>.</summary>
    public const string Canceled = "canceled";

    /// <summary><c>succeeded</c>.</summary>
    public const string Succeeded = "succeeded";
}

/// <summary>Known values of <c>Refund.reason</c>.</summary>
public static class RefundReason
{
    /// <summary><c>duplicate</c>.</summary>
    public const string Duplicate = "duplicate";

    /// <summary><c>requested_by_customer</c>.</summary>
    public const string RequestedByCustomer = "requested_by_customer";

    /// <summary><c>requested_by_admin</c>.</summary>
    public const string RequestedByAdmin = "requested_by_admin";

    /// <summary><c>fraudulent</c>.</summary>
    public const string Fraudulent = "fraudulent";

    /// <summary><c>expired_uncaptured_charge</c>.</summary>
    public const string ExpiredUncapturedCharge = "expired_uncaptured_charge";
}

/// <summary>Known values of <c>Refund.failure_reason</c>.</summary>
public static class RefundFailureReason
{
    /// <summary><c>lost_or_stolen_card</c>.</summary>
    public const string LostOrStolenCard = "lost_or_stolen_card";

    /// <summary><c>expired_or_canceled_card</c>.</summary>
    public const string ExpiredOrCanceledCard = "expired_or_canceled_card";

    /// <summary><c>charge_for_pending_refund_disputed</c>.</summary>
    public const string ChargeForPendingRefundDisputed = "charge_for_pending_refund_disputed";

    /// <summary><c>insufficient_funds</c>.</summary>
    public const string InsufficientFunds = "insufficient_funds";

    /// <summary><c>declined</c>.</summary>
    public const string Declined = "declined";

    /// <summary><c>merchant_request</c>.</summary>
    public const string MerchantRequest = "merchant_request";

    /// <summary><c>unknown</c>.</summary>
    public const string Unknown = "unknown";
}

/// <summary>Known values of <c>Refund.type</c>.</summary>
public static class RefundType
{
    /// <summary><c>refund</c>.</summary>
    public const string Refund = "refund";

    /// <summary><c>stake_return</c>.</summary>
    public const string StakeReturn = "stake_return";
}

/// <summary>Known values of <c>PaymentError.type</c>.</summary>
public static class PaymentErrorType
{
    /// <summary><c>api_error</c>.</summary>
    public const string ApiError = "api_error";

    /// <summary><c>card_error</c>.</summary>
    public const string CardError = "card_error";

    /// <summary><c>idempotency_error</c>.</summary>
    public const string IdempotencyError = "idempotency_error";

    /// <summary><c>invalid_request_error</c>.</summary>
    public const string InvalidRequestError = "invalid_request_error";
}
