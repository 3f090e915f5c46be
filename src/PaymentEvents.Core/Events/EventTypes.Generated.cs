// Generated from the EventType union of @blocklet/payment-types@1.27.2 (lib/types.d.ts) by
// generate-event-types.js beside it; EventTypesGeneratorTests fails when this file is stale. Do not edit: rerun
// `node src/PaymentEvents.Core/Events/generate-event-types.js`.

// A constant's name is its value in PascalCase; a doc comment would only repeat it.
#pragma warning disable CS1591
// The compiler treats a *.Generated.cs file as generated code, where nullable is off unless the file says so.
#nullable enable

namespace PaymentEvents.Events;

public static partial class EventTypes
{
    public const string AccountApplicationAuthorized = "account.application.authorized";
    public const string AccountApplicationDeauthorized = "account.application.deauthorized";
    public const string AccountExternalAccountCreated = "account.external_account.created";
    public const string AccountExternalAccountDeleted = "account.external_account.deleted";
    public const string AccountExternalAccountUpdated = "account.external_account.updated";
    public const string AccountUpdated = "account.updated";
    public const string ApplicationFeeCreated = "application_fee.created";
    public const string ApplicationFeeRefundUpdated = "application_fee.refund.updated";
    public const string ApplicationFeeRefunded = "application_fee.refunded";
    public const string BalanceAvailable = "balance.available";
    public const string BillingPortalConfigurationCreated = "billing_portal.configuration.created";
    public const string BillingPortalConfigurationUpdated = "billing_portal.configuration.updated";
    public const string BillingPortalSessionCreated = "billing_portal.session.created";
    public const string CapabilityUpdated = "capability.updated";
    public const string CashBalanceFundsAvailable = "cash_balance.funds_available";
    public const string ChargeCaptured = "charge.captured";
    public const string ChargeDisputeClosed = "charge.dispute.closed";
    public const string ChargeDisputeCreated = "charge.dispute.created";
    public const string ChargeDisputeFundsReinstated = "charge.dispute.funds_reinstated";
    public const string ChargeDisputeFundsWithdrawn = "charge.dispute.funds_withdrawn";
    public const string ChargeDisputeUpdated = "charge.dispute.updated";
    public const string ChargeExpired = "charge.expired";
    public const string ChargeFailed = "charge.failed";
    public const string ChargePending = "charge.pending";
    public const string ChargeRefundUpdated = "charge.refund.updated";
    public const string ChargeRefunded = "charge.refunded";
    public const string ChargeSucceeded = "charge.succeeded";
    public const string ChargeUpdated = "charge.updated";
    public const string CheckoutSessionAsyncPaymentFailed = "checkout.session.async_payment_failed";
    public const string CheckoutSessionAsyncPaymentSucceeded = "checkout.session.async_payment_succeeded";
    public const string CheckoutSessionNftMinted = "checkout.session.nft_minted";
    public const string CheckoutSessionCompleted = "checkout.session.completed";
    public const string CheckoutSessionExpired = "checkout.session.expired";
    public const string CheckoutSessionCreated = "checkout.session.created";
    public const string CouponCreated = "coupon.created";
    public const string CouponDeleted = "coupon.deleted";
    public const string CouponUpdated = "coupon.updated";
    public const string CreditNoteCreated = "credit_note.created";
    public const string CreditNoteUpdated = "credit_note.updated";
    public const string CreditNoteVoided = "credit_note.voided";
    public const string CustomerCashBalanceTransactionCreated = "customer_cash_balance_transaction.created";
    public const string CustomerCreated = "customer.created";
    public const string CustomerDeleted = "customer.deleted";
    public const string CustomerDiscountCreated = "customer.discount.created";
    public const string CustomerDiscountDeleted = "customer.discount.deleted";
    public const string CustomerDiscountUpdated = "customer.discount.updated";
    public const string CustomerSourceCreated = "customer.source.created";
    public const string CustomerSourceDeleted = "customer.source.deleted";
    public const string CustomerSourceExpiring = "customer.source.expiring";
    public const string CustomerSourceUpdated = "customer.source.updated";
    public const string CustomerSubscriptionCreated = "customer.subscription.created";
    public const string CustomerSubscriptionDeleted = "customer.subscription.deleted";
    public const string CustomerSubscriptionPaused = "customer.subscription.paused";
    public const string CustomerSubscriptionPastDue = "customer.subscription.past_due";
    public const string CustomerSubscriptionPendingUpdateApplied = "customer.subscription.pending_update_applied";
    public const string CustomerSubscriptionPendingUpdateExpired = "customer.subscription.pending_update_expired";
    public const string CustomerSubscriptionResumed = "customer.subscription.resumed";
    public const string CustomerSubscriptionRenewed = "customer.subscription.renewed";
    public const string CustomerSubscriptionRecovered = "customer.subscription.recovered";
    public const string CustomerSubscriptionUpgraded = "customer.subscription.upgraded";
    public const string CustomerSubscriptionRenewFailed = "customer.subscription.renew_failed";
    public const string CustomerSubscriptionTrialStart = "customer.subscription.trial_start";
    public const string CustomerSubscriptionTrialWillEnd = "customer.subscription.trial_will_end";
    public const string CustomerSubscriptionTrialEnd = "customer.subscription.trial_end";
    public const string CustomerSubscriptionStarted = "customer.subscription.started";
    public const string CustomerSubscriptionUpdated = "customer.subscription.updated";
    public const string CustomerTaxIdCreated = "customer.tax_id.created";
    public const string CustomerTaxIdDeleted = "customer.tax_id.deleted";
    public const string CustomerTaxIdUpdated = "customer.tax_id.updated";
    public const string CustomerUpdated = "customer.updated";
    public const string FileCreated = "file.created";
    public const string FinancialConnectionsAccountCreated = "financial_connections.account.created";
    public const string FinancialConnectionsAccountDeactivated = "financial_connections.account.deactivated";
    public const string FinancialConnectionsAccountDisconnected = "financial_connections.account.disconnected";
    public const string FinancialConnectionsAccountReactivated = "financial_connections.account.reactivated";
    public const string FinancialConnectionsAccountRefreshedBalance = "financial_connections.account.refreshed_balance";
    public const string IdentityVerificationSessionCanceled = "identity.verification_session.canceled";
    public const string IdentityVerificationSessionCreated = "identity.verification_session.created";
    public const string IdentityVerificationSessionProcessing = "identity.verification_session.processing";
    public const string IdentityVerificationSessionRedacted = "identity.verification_session.redacted";
    public const string IdentityVerificationSessionRequiresInput = "identity.verification_session.requires_input";
    public const string IdentityVerificationSessionVerified = "identity.verification_session.verified";
    public const string InvoiceCreated = "invoice.created";
    public const string InvoiceDeleted = "invoice.deleted";
    public const string InvoiceFinalizationFailed = "invoice.finalization_failed";
    public const string InvoiceFinalized = "invoice.finalized";
    public const string InvoiceMarkedUncollectible = "invoice.marked_uncollectible";
    public const string InvoicePaid = "invoice.paid";
    public const string InvoicePaymentActionRequired = "invoice.payment_action_required";
    public const string InvoicePaymentFailed = "invoice.payment_failed";
    public const string InvoicePaymentSucceeded = "invoice.payment_succeeded";
    public const string InvoiceSent = "invoice.sent";
    public const string InvoiceUpcoming = "invoice.upcoming";
    public const string InvoiceUpdated = "invoice.updated";
    public const string InvoiceVoided = "invoice.voided";
    public const string InvoiceitemCreated = "invoiceitem.created";
    public const string InvoiceitemDeleted = "invoiceitem.deleted";
    public const string IssuingAuthorizationCreated = "issuing_authorization.created";
    public const string IssuingAuthorizationRequest = "issuing_authorization.request";
    public const string IssuingAuthorizationUpdated = "issuing_authorization.updated";
    public const string IssuingCardCreated = "issuing_card.created";
    public const string IssuingCardUpdated = "issuing_card.updated";
    public const string IssuingCardholderCreated = "issuing_cardholder.created";
    public const string IssuingCardholderUpdated = "issuing_cardholder.updated";
    public const string IssuingDisputeClosed = "issuing_dispute.closed";
    public const string IssuingDisputeCreated = "issuing_dispute.created";
    public const string IssuingDisputeFundsReinstated = "issuing_dispute.funds_reinstated";
    public const string IssuingDisputeSubmitted = "issuing_dispute.submitted";
    public const string IssuingDisputeUpdated = "issuing_dispute.updated";
    public const string IssuingTransactionCreated = "issuing_transaction.created";
    public const string IssuingTransactionUpdated = "issuing_transaction.updated";
    public const string MandateUpdated = "mandate.updated";
    public const string OrderCreated = "order.created";
    public const string PaymentIntentAmountCapturableUpdated = "payment_intent.amount_capturable_updated";
    public const string PaymentIntentCanceled = "payment_intent.canceled";
    public const string PaymentIntentCreated = "payment_intent.created";
    public const string PaymentIntentPartiallyFunded = "payment_intent.partially_funded";
    public const string PaymentIntentPaymentFailed = "payment_intent.payment_failed";
    public const string PaymentIntentProcessing = "payment_intent.processing";
    public const string PaymentIntentRequiresAction = "payment_intent.requires_action";
    public const string PaymentIntentSucceeded = "payment_intent.succeeded";
    public const string PaymentLinkCreated = "payment_link.created";
    public const string PaymentLinkUpdated = "payment_link.updated";
    public const string PaymentMethodAttached = "payment_method.attached";
    public const string PaymentMethodAutomaticallyUpdated = "payment_method.automatically_updated";
    public const string PaymentMethodDetached = "payment_method.detached";
    public const string PaymentMethodUpdated = "payment_method.updated";
    public const string PayoutCanceled = "payout.canceled";
    public const string PayoutCreated = "payout.created";
    public const string PayoutFailed = "payout.failed";
    public const string PayoutPaid = "payout.paid";
    public const string PayoutReconciliationCompleted = "payout.reconciliation_completed";
    public const string PayoutUpdated = "payout.updated";
    public const string PersonCreated = "person.created";
    public const string PersonDeleted = "person.deleted";
    public const string PersonUpdated = "person.updated";
    public const string PlanCreated = "plan.created";
    public const string PlanDeleted = "plan.deleted";
    public const string PlanUpdated = "plan.updated";
    public const string PriceCreated = "price.created";
    public const string PriceDeleted = "price.deleted";
    public const string PriceUpdated = "price.updated";
    public const string ProductCreated = "product.created";
    public const string ProductDeleted = "product.deleted";
    public const string ProductUpdated = "product.updated";
    public const string PromotionCodeCreated = "promotion_code.created";
    public const string PromotionCodeUpdated = "promotion_code.updated";
    public const string QuoteAccepted = "quote.accepted";
    public const string QuoteCanceled = "quote.canceled";
    public const string QuoteCreated = "quote.created";
    public const string QuoteFinalized = "quote.finalized";
    public const string RadarEarlyFraudWarningCreated = "radar.early_fraud_warning.created";
    public const string RadarEarlyFraudWarningUpdated = "radar.early_fraud_warning.updated";
    public const string RecipientCreated = "recipient.created";
    public const string RecipientDeleted = "recipient.deleted";
    public const string RecipientUpdated = "recipient.updated";
    public const string RefundCreated = "refund.created";
    public const string RefundUpdated = "refund.updated";
    public const string RefundSucceeded = "refund.succeeded";
    public const string RefundCanceled = "refund.canceled";
    public const string ReportingReportRunFailed = "reporting.report_run.failed";
    public const string ReportingReportRunSucceeded = "reporting.report_run.succeeded";
    public const string ReportingReportTypeUpdated = "reporting.report_type.updated";
    public const string ReviewClosed = "review.closed";
    public const string ReviewOpened = "review.opened";
    public const string SetupIntentCanceled = "setup_intent.canceled";
    public const string SetupIntentCreated = "setup_intent.created";
    public const string SetupIntentRequiresAction = "setup_intent.requires_action";
    public const string SetupIntentSetupFailed = "setup_intent.setup_failed";
    public const string SetupIntentSucceeded = "setup_intent.succeeded";
    public const string SigmaScheduledQueryRunCreated = "sigma.scheduled_query_run.created";
    public const string SkuCreated = "sku.created";
    public const string SkuDeleted = "sku.deleted";
    public const string SkuUpdated = "sku.updated";
    public const string SourceCanceled = "source.canceled";
    public const string SourceChargeable = "source.chargeable";
    public const string SourceFailed = "source.failed";
    public const string SourceMandateNotification = "source.mandate_notification";
    public const string SourceRefundAttributesRequired = "source.refund_attributes_required";
    public const string SourceTransactionCreated = "source.transaction.created";
    public const string SourceTransactionUpdated = "source.transaction.updated";
    public const string SubscriptionScheduleAborted = "subscription_schedule.aborted";
    public const string SubscriptionScheduleCanceled = "subscription_schedule.canceled";
    public const string SubscriptionScheduleCompleted = "subscription_schedule.completed";
    public const string SubscriptionScheduleCreated = "subscription_schedule.created";
    public const string SubscriptionScheduleExpiring = "subscription_schedule.expiring";
    public const string SubscriptionScheduleReleased = "subscription_schedule.released";
    public const string SubscriptionScheduleUpdated = "subscription_schedule.updated";
    public const string TaxRateCreated = "tax_rate.created";
    public const string TaxRateUpdated = "tax_rate.updated";
    public const string TaxSettingsUpdated = "tax.settings.updated";
    public const string TerminalReaderActionFailed = "terminal.reader.action_failed";
    public const string TerminalReaderActionSucceeded = "terminal.reader.action_succeeded";
    public const string TestHelpersTestClockAdvancing = "test_helpers.test_clock.advancing";
    public const string TestHelpersTestClockCreated = "test_helpers.test_clock.created";
    public const string TestHelpersTestClockDeleted = "test_helpers.test_clock.deleted";
    public const string TestHelpersTestClockInternalFailure = "test_helpers.test_clock.internal_failure";
    public const string TestHelpersTestClockReady = "test_helpers.test_clock.ready";
    public const string TopupCanceled = "topup.canceled";
    public const string TopupCreated = "topup.created";
    public const string TopupFailed = "topup.failed";
    public const string TopupReversed = "topup.reversed";
    public const string TopupSucceeded = "topup.succeeded";
    public const string TransferCreated = "transfer.created";
    public const string TransferReversed = "transfer.reversed";
    public const string TransferUpdated = "transfer.updated";
    public const string BillingDiscrepancy = "billing.discrepancy";
    public const string UsageReportEmpty = "usage.report.empty";
    public const string CustomerCreditInsufficient = "customer.credit.insufficient";
    public const string CustomerCreditLowBalance = "customer.credit.low_balance";
    public const string CustomerCreditGrantGranted = "customer.credit_grant.granted";
    public const string CustomerCreditGrantDepleted = "customer.credit_grant.depleted";
    public const string ExchangeRateProvidersUnavailable = "exchange_rate.providers_unavailable";
    public const string ExchangeRateSpreadExceeded = "exchange_rate.spread_exceeded";

    /// <summary>Every name of the <c>EventType</c> union (214 names), in the order of types.d.ts.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        AccountApplicationAuthorized,
        AccountApplicationDeauthorized,
        AccountExternalAccountCreated,
        AccountExternalAccountDeleted,
        AccountExternalAccountUpdated,
        AccountUpdated,
        ApplicationFeeCreated,
        ApplicationFeeRefundUpdated,
        ApplicationFeeRefunded,
        BalanceAvailable,
        BillingPortalConfigurationCreated,
        BillingPortalConfigurationUpdated,
        BillingPortalSessionCreated,
        CapabilityUpdated,
        CashBalanceFundsAvailable,
        ChargeCaptured,
        ChargeDisputeClosed,
        ChargeDisputeCreated,
        ChargeDisputeFundsReinstated,
        ChargeDisputeFundsWithdrawn,
        ChargeDisputeUpdated,
        ChargeExpired,
        ChargeFailed,
        ChargePending,
        ChargeRefundUpdated,
        ChargeRefunded,
        ChargeSucceeded,
        ChargeUpdated,
        CheckoutSessionAsyncPaymentFailed,
        CheckoutSessionAsyncPaymentSucceeded,
        CheckoutSessionNftMinted,
        CheckoutSessionCompleted,
        CheckoutSessionExpired,
        CheckoutSessionCreated,
        CouponCreated,
        CouponDeleted,
        CouponUpdated,
        CreditNoteCreated,
        CreditNoteUpdated,
        CreditNoteVoided,
        CustomerCashBalanceTransactionCreated,
        CustomerCreated,
        CustomerDeleted,
        CustomerDiscountCreated,
        CustomerDiscountDeleted,
        CustomerDiscountUpdated,
        CustomerSourceCreated,
        CustomerSourceDeleted,
        CustomerSourceExpiring,
        CustomerSourceUpdated,
        CustomerSubscriptionCreated,
        CustomerSubscriptionDeleted,
        CustomerSubscriptionPaused,
        CustomerSubscriptionPastDue,
        CustomerSubscriptionPendingUpdateApplied,
        CustomerSubscriptionPendingUpdateExpired,
        CustomerSubscriptionResumed,
        CustomerSubscriptionRenewed,
        CustomerSubscriptionRecovered,
        CustomerSubscriptionUpgraded,
        CustomerSubscriptionRenewFailed,
        CustomerSubscriptionTrialStart,
        CustomerSubscriptionTrialWillEnd,
        CustomerSubscriptionTrialEnd,
        CustomerSubscriptionStarted,
        CustomerSubscriptionUpdated,
        CustomerTaxIdCreated,
        CustomerTaxIdDeleted,
        CustomerTaxIdUpdated,
        CustomerUpdated,
        FileCreated,
        FinancialConnectionsAccountCreated,
        FinancialConnectionsAccountDeactivated,
        FinancialConnectionsAccountDisconnected,
        FinancialConnectionsAccountReactivated,
        FinancialConnectionsAccountRefreshedBalance,
        IdentityVerificationSessionCanceled,
        IdentityVerificationSessionCreated,
        IdentityVerificationSessionProcessing,
        IdentityVerificationSessionRedacted,
        IdentityVerificationSessionRequiresInput,
        IdentityVerificationSessionVerified,
        InvoiceCreated,
        InvoiceDeleted,
        InvoiceFinalizationFailed,
        InvoiceFinalized,
        InvoiceMarkedUncollectible,
        InvoicePaid,
        InvoicePaymentActionRequired,
        InvoicePaymentFailed,
        InvoicePaymentSucceeded,
        InvoiceSent,
        InvoiceUpcoming,
        InvoiceUpdated,
        InvoiceVoided,
        InvoiceitemCreated,
        InvoiceitemDeleted,
        IssuingAuthorizationCreated,
        IssuingAuthorizationRequest,
        IssuingAuthorizationUpdated,
        IssuingCardCreated,
        IssuingCardUpdated,
        IssuingCardholderCreated,
        IssuingCardholderUpdated,
        IssuingDisputeClosed,
        IssuingDisputeCreated,
        IssuingDisputeFundsReinstated,
        IssuingDisputeSubmitted,
        IssuingDisputeUpdated,
        IssuingTransactionCreated,
        IssuingTransactionUpdated,
        MandateUpdated,
        OrderCreated,
        PaymentIntentAmountCapturableUpdated,
        PaymentIntentCanceled,
        PaymentIntentCreated,
        PaymentIntentPartiallyFunded,
        PaymentIntentPaymentFailed,
        PaymentIntentProcessing,
        PaymentIntentRequiresAction,
        PaymentIntentSucceeded,
        PaymentLinkCreated,
        PaymentLinkUpdated,
        PaymentMethodAttached,
        PaymentMethodAutomaticallyUpdated,
        PaymentMethodDetached,
        PaymentMethodUpdated,
        PayoutCanceled,
        PayoutCreated,
        PayoutFailed,
        PayoutPaid,
        PayoutReconciliationCompleted,
        PayoutUpdated,
        PersonCreated,
        PersonDeleted,
        PersonUpdated,
        PlanCreated,
        PlanDeleted,
        PlanUpdated,
        PriceCreated,
        PriceDeleted,
        PriceUpdated,
        ProductCreated,
        ProductDeleted,
        ProductUpdated,
        PromotionCodeCreated,
        PromotionCodeUpdated,
        QuoteAccepted,
        QuoteCanceled,
        QuoteCreated,
        QuoteFinalized,
        RadarEarlyFraudWarningCreated,
        RadarEarlyFraudWarningUpdated,
        RecipientCreated,
        RecipientDeleted,
        RecipientUpdated,
        RefundCreated,
        RefundUpdated,
        RefundSucceeded,
        RefundCanceled,
        ReportingReportRunFailed,
        ReportingReportRunSucceeded,
        ReportingReportTypeUpdated,
        ReviewClosed,
        ReviewOpened,
        SetupIntentCanceled,
        SetupIntentCreated,
        SetupIntentRequiresAction,
        SetupIntentSetupFailed,
        SetupIntentSucceeded,
        SigmaScheduledQueryRunCreated,
        SkuCreated,
        SkuDeleted,
        SkuUpdated,
        SourceCanceled,
        SourceChargeable,
        SourceFailed,
        SourceMandateNotification,
        SourceRefundAttributesRequired,
        SourceTransactionCreated,
        SourceTransactionUpdated,
        SubscriptionScheduleAborted,
        SubscriptionScheduleCanceled,
        SubscriptionScheduleCompleted,
        SubscriptionScheduleCreated,
        SubscriptionScheduleExpiring,
        SubscriptionScheduleReleased,
        SubscriptionScheduleUpdated,
        TaxRateCreated,
        TaxRateUpdated,
        TaxSettingsUpdated,
        TerminalReaderActionFailed,
        TerminalReaderActionSucceeded,
        TestHelpersTestClockAdvancing,
        TestHelpersTestClockCreated,
        TestHelpersTestClockDeleted,
        TestHelpersTestClockInternalFailure,
        TestHelpersTestClockReady,
        TopupCanceled,
        TopupCreated,
        TopupFailed,
        TopupReversed,
        TopupSucceeded,
        TransferCreated,
        TransferReversed,
        TransferUpdated,
        BillingDiscrepancy,
        UsageReportEmpty,
        CustomerCreditInsufficient,
        CustomerCreditLowBalance,
        CustomerCreditGrantGranted,
        CustomerCreditGrantDepleted,
        ExchangeRateProvidersUnavailable,
        ExchangeRateSpreadExceeded,
    ];
}
