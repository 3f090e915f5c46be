namespace PaymentEvents.Events;

// Known values of LiteralUnion<..., string> enums of @blocklet/payment-types@1.27.2. The models keep these as strings
// so that values Payment Kit adds later deserialize (docs/protocol.md §2); compare against these constants.

/// <summary>Known values of <c>Subscription.status</c>.</summary>
public static class SubscriptionStatus
{
    public const string Active = "active";

    public const string PastDue = "past_due";

    public const string Paused = "paused";

    public const string Canceled = "canceled";

    public const string Incomplete = "incomplete";

    public const string IncompleteExpired = "incomplete_expired";

    public const string Trialing = "trialing";
}

/// <summary>Known values of <c>collection_method (subscriptions, invoices)</c>.</summary>
public static class CollectionMethod
{
    public const string ChargeAutomatically = "charge_automatically";

    public const string SendInvoice = "send_invoice";
}

/// <summary>Known values of <c>Subscription.cancelation_details.feedback</c>.</summary>
public static class CancelationFeedback
{
    public const string TooExpensive = "too_expensive";

    public const string MissingFeatures = "missing_features";

    public const string SwitchedService = "switched_service";

    public const string Unused = "unused";

    public const string CustomerService = "customer_service";

    public const string TooComplex = "too_complex";

    public const string LowQuality = "low_quality";

    public const string Other = "other";
}

/// <summary>Known values of <c>Subscription.cancelation_details.reason</c>.</summary>
public static class CancelationReason
{
    public const string CancellationRequested = "cancellation_requested";

    public const string PaymentDisputed = "payment_disputed";

    public const string PaymentFailed = "payment_failed";

    public const string StakeRevoked = "stake_revoked";
}

/// <summary>Known values of <c>Subscription.cancelation_details.refund</c>.</summary>
public static class CancelationRefund
{
    public const string Last = "last";

    public const string Proration = "proration";

    public const string None = "none";
}

/// <summary>Known values of <c>Subscription.pause_collection.behavior</c>.</summary>
public static class PauseCollectionBehavior
{
    public const string KeepAsDraft = "keep_as_draft";

    public const string MarkUncollectible = "mark_uncollectible";

    public const string Void = "void";
}

/// <summary>Known values of <c>trial_settings.end_behavior.missing_payment_method</c>.</summary>
public static class MissingPaymentMethodBehavior
{
    public const string Cancel = "cancel";

    public const string Pause = "pause";

    public const string CreateInvoice = "create_invoice";
}

/// <summary>Known values of <c>proration_behavior</c>.</summary>
public static class ProrationBehavior
{
    public const string AlwaysInvoice = "always_invoice";

    public const string CreateProrations = "create_prorations";

    public const string None = "none";
}

/// <summary>Known values of <c>Subscription.payment_behavior</c>.</summary>
public static class PaymentBehavior
{
    public const string AllowIncomplete = "allow_incomplete";

    public const string ErrorIfIncomplete = "error_if_incomplete";

    public const string PendingIfIncomplete = "pending_if_incomplete";
}

/// <summary>Known values of <c>CheckoutSession.mode</c>.</summary>
public static class CheckoutSessionMode
{
    public const string Payment = "payment";

    public const string Setup = "setup";

    public const string Subscription = "subscription";
}

/// <summary>Known values of <c>CheckoutSession.status</c>.</summary>
public static class CheckoutSessionStatus
{
    public const string Complete = "complete";

    public const string Open = "open";

    public const string Expired = "expired";
}

/// <summary>Known values of <c>CheckoutSession.payment_status</c>.</summary>
public static class CheckoutPaymentStatus
{
    public const string Paid = "paid";

    public const string Unpaid = "unpaid";

    public const string NoPaymentRequired = "no_payment_required";
}

/// <summary>Known values of <c>CheckoutSession.nft_mint_status</c>.</summary>
public static class NftMintStatus
{
    public const string Disabled = "disabled";

    public const string Pending = "pending";

    public const string Minted = "minted";

    public const string Sent = "sent";

    public const string Error = "error";
}

/// <summary>Known values of <c>CheckoutSession.fulfillment_status, vendor_info[].status</c>.</summary>
public static class FulfillmentStatus
{
    public const string Pending = "pending";

    public const string Processing = "processing";

    public const string Completed = "completed";

    public const string Failed = "failed";

    public const string Cancelled = "cancelled";

    public const string MaxRetriesExceeded = "max_retries_exceeded";

    public const string ReturnRequested = "return_requested";

    public const string Sent = "sent";

    public const string Returning = "returning";

    public const string Returned = "returned";
}

/// <summary>Known values of <c>Price.type</c>.</summary>
public static class PriceType
{
    public const string OneTime = "one_time";

    public const string Recurring = "recurring";
}

/// <summary>Known values of <c>PriceRecurring.interval</c>.</summary>
public static class RecurringInterval
{
    public const string Hour = "hour";

    public const string Day = "day";

    public const string Week = "week";

    public const string Month = "month";

    public const string Year = "year";
}

/// <summary>Known values of <c>PaymentIntent.status</c>.</summary>
public static class PaymentIntentStatus
{
    public const string RequiresPaymentMethod = "requires_payment_method";

    public const string RequiresConfirmation = "requires_confirmation";

    public const string RequiresAction = "requires_action";

    public const string Processing = "processing";

    public const string RequiresCapture = "requires_capture";

    public const string Canceled = "canceled";

    public const string Succeeded = "succeeded";
}

/// <summary>Known values of <c>PaymentIntent.cancellation_reason</c>.</summary>
public static class PaymentIntentCancellationReason
{
    public const string Abandoned = "abandoned";

    public const string Duplicate = "duplicate";

    public const string RequestedByCustomer = "requested_by_customer";

    public const string Fraudulent = "fraudulent";

    public const string FailedInvoice = "failed_invoice";

    public const string VoidInvoice = "void_invoice";

    public const string Automatic = "automatic";
}

/// <summary>Known values of <c>Invoice.status</c>.</summary>
public static class InvoiceStatus
{
    public const string Draft = "draft";

    public const string Open = "open";

    public const string Void = "void";

    public const string Paid = "paid";

    public const string Uncollectible = "uncollectible";
}

/// <summary>Known values of <c>Invoice.billing_reason</c>.</summary>
public static class InvoiceBillingReason
{
    public const string SubscriptionCreate = "subscription_create";

    public const string SubscriptionCycle = "subscription_cycle";

    public const string SubscriptionUpdate = "subscription_update";

    public const string SubscriptionRecover = "subscription_recover";

    public const string SubscriptionThreshold = "subscription_threshold";

    public const string SubscriptionCancel = "subscription_cancel";

    public const string Subscription = "subscription";

    public const string Manual = "manual";

    public const string Upcoming = "upcoming";

    public const string SlashStake = "slash_stake";

    public const string Stake = "stake";

    public const string OverdraftProtection = "overdraft_protection";

    public const string StakeOverdraftProtection = "stake_overdraft_protection";

    public const string Recharge = "recharge";

    public const string AutoRecharge = "auto_recharge";
}

/// <summary>Known values of <c>Refund.status</c>.</summary>
public static class RefundStatus
{
    public const string Pending = "pending";

    public const string RequiresAction = "requires_action";

    public const string Processing = "processing";

    public const string Failed = "failed";

    public const string Canceled = "canceled";

    public const string Succeeded = "succeeded";
}

/// <summary>Known values of <c>Refund.reason</c>.</summary>
public static class RefundReason
{
    public const string Duplicate = "duplicate";

    public const string RequestedByCustomer = "requested_by_customer";

    public const string RequestedByAdmin = "requested_by_admin";

    public const string Fraudulent = "fraudulent";

    public const string ExpiredUncapturedCharge = "expired_uncaptured_charge";
}

/// <summary>Known values of <c>Refund.failure_reason</c>.</summary>
public static class RefundFailureReason
{
    public const string LostOrStolenCard = "lost_or_stolen_card";

    public const string ExpiredOrCanceledCard = "expired_or_canceled_card";

    public const string ChargeForPendingRefundDisputed = "charge_for_pending_refund_disputed";

    public const string InsufficientFunds = "insufficient_funds";

    public const string Declined = "declined";

    public const string MerchantRequest = "merchant_request";

    public const string Unknown = "unknown";
}

/// <summary>Known values of <c>Refund.type</c>.</summary>
public static class RefundType
{
    public const string Refund = "refund";

    public const string StakeReturn = "stake_return";
}

/// <summary>Known values of <c>PaymentError.type</c>.</summary>
public static class PaymentErrorType
{
    public const string ApiError = "api_error";

    public const string CardError = "card_error";

    public const string IdempotencyError = "idempotency_error";

    public const string InvalidRequestError = "invalid_request_error";
}
