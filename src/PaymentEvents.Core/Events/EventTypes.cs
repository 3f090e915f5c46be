namespace PaymentEvents.Events;

// Generated from @blocklet/payment-types@1.27.2 lib/types.d.ts (EventType), docs/protocol.md §2.
// Regenerate with a script over that union; do not hand-edit the constant list.

/// <summary>
/// Event type names (docs/protocol.md §2): every name of the <c>EventType</c> union of
/// @blocklet/payment-types@1.27.2. The union is a <c>LiteralUnion&lt;..., string&gt;</c>, so Payment Kit may
/// send names not listed here; they are accepted and recorded all the same.
/// </summary>
public static class EventTypes
{
    /// <summary><c>account.application.authorized</c>.</summary>
    public const string AccountApplicationAuthorized = "account.application.authorized";

    /// <summary><c>account.application.deauthorized</c>.</summary>
    public const string AccountApplicationDeauthorized = "account.application.deauthorized";

    /// <summary><c>account.external_account.created</c>.</summary>
    public const string AccountExternalAccountCreated = "account.external_account.created";

    /// <summary><c>account.external_account.deleted</c>.</summary>
    public const string AccountExternalAccountDeleted = "account.external_account.deleted";

    /// <summary><c>account.external_account.updated</c>.</summary>
    public const string AccountExternalAccountUpdated = "account.external_account.updated";

    /// <summary><c>account.updated</c>.</summary>
    public const string AccountUpdated = "account.updated";

    /// <summary><c>application_fee.created</c>.</summary>
    public const string ApplicationFeeCreated = "application_fee.created";

    /// <summary><c>application_fee.refund.updated</c>.</summary>
    public const string ApplicationFeeRefundUpdated = "application_fee.refund.updated";

    /// <summary><c>application_fee.refunded</c>.</summary>
    public const string ApplicationFeeRefunded = "application_fee.refunded";

    /// <summary><c>balance.available</c>.</summary>
    public const string BalanceAvailable = "balance.available";

    /// <summary><c>billing_portal.configuration.created</c>.</summary>
    public const string BillingPortalConfigurationCreated = "billing_portal.configuration.created";

    /// <summary><c>billing_portal.configuration.updated</c>.</summary>
    public const string BillingPortalConfigurationUpdated = "billing_portal.configuration.updated";

    /// <summary><c>billing_portal.session.created</c>.</summary>
    public const string BillingPortalSessionCreated = "billing_portal.session.created";

    /// <summary><c>capability.updated</c>.</summary>
    public const string CapabilityUpdated = "capability.updated";

    /// <summary><c>cash_balance.funds_available</c>.</summary>
    public const string CashBalanceFundsAvailable = "cash_balance.funds_available";

    /// <summary><c>charge.captured</c>.</summary>
    public const string ChargeCaptured = "charge.captured";

    /// <summary><c>charge.dispute.closed</c>.</summary>
    public const string ChargeDisputeClosed = "charge.dispute.closed";

    /// <summary><c>charge.dispute.created</c>.</summary>
    public const string ChargeDisputeCreated = "charge.dispute.created";

    /// <summary><c>charge.dispute.funds_reinstated</c>.</summary>
    public const string ChargeDisputeFundsReinstated = "charge.dispute.funds_reinstated";

    /// <summary><c>charge.dispute.funds_withdrawn</c>.</summary>
    public const string ChargeDisputeFundsWithdrawn = "charge.dispute.funds_withdrawn";

    /// <summary><c>charge.dispute.updated</c>.</summary>
    public const string ChargeDisputeUpdated = "charge.dispute.updated";

    /// <summary><c>charge.expired</c>.</summary>
    public const string ChargeExpired = "charge.expired";

    /// <summary><c>charge.failed</c>.</summary>
    public const string ChargeFailed = "charge.failed";

    /// <summary><c>charge.pending</c>.</summary>
    public const string ChargePending = "charge.pending";

    /// <summary><c>charge.refund.updated</c>.</summary>
    public const string ChargeRefundUpdated = "charge.refund.updated";

    /// <summary><c>charge.refunded</c>.</summary>
    public const string ChargeRefunded = "charge.refunded";

    /// <summary><c>charge.succeeded</c>.</summary>
    public const string ChargeSucceeded = "charge.succeeded";

    /// <summary><c>charge.updated</c>.</summary>
    public const string ChargeUpdated = "charge.updated";

    /// <summary><c>checkout.session.async_payment_failed</c>.</summary>
    public const string CheckoutSessionAsyncPaymentFailed = "checkout.session.async_payment_failed";

    /// <summary><c>checkout.session.async_payment_succeeded</c>.</summary>
    public const string CheckoutSessionAsyncPaymentSucceeded = "checkout.session.async_payment_succeeded";

    /// <summary><c>checkout.session.nft_minted</c> (documented; typed handler class).</summary>
    public const string CheckoutSessionNftMinted = "checkout.session.nft_minted";

    /// <summary><c>checkout.session.completed</c> (documented; typed handler class).</summary>
    public const string CheckoutSessionCompleted = "checkout.session.completed";

    /// <summary><c>checkout.session.expired</c>.</summary>
    public const string CheckoutSessionExpired = "checkout.session.expired";

    /// <summary><c>checkout.session.created</c>.</summary>
    public const string CheckoutSessionCreated = "checkout.session.created";

    /// <summary><c>coupon.created</c>.</summary>
    public const string CouponCreated = "coupon.created";

    /// <summary><c>coupon.deleted</c>.</summary>
    public const string CouponDeleted = "coupon.deleted";

    /// <summary><c>coupon.updated</c>.</summary>
    public const string CouponUpdated = "coupon.updated";

    /// <summary><c>credit_note.created</c>.</summary>
    public const string CreditNoteCreated = "credit_note.created";

    /// <summary><c>credit_note.updated</c>.</summary>
    public const string CreditNoteUpdated = "credit_note.updated";

    /// <summary><c>credit_note.voided</c>.</summary>
    public const string CreditNoteVoided = "credit_note.voided";

    /// <summary><c>customer_cash_balance_transaction.created</c>.</summary>
    public const string CustomerCashBalanceTransactionCreated = "customer_cash_balance_transaction.created";

    /// <summary><c>customer.created</c>.</summary>
    public const string CustomerCreated = "customer.created";

    /// <summary><c>customer.deleted</c>.</summary>
    public const string CustomerDeleted = "customer.deleted";

    /// <summary><c>customer.discount.created</c>.</summary>
    public const string CustomerDiscountCreated = "customer.discount.created";

    /// <summary><c>customer.discount.deleted</c>.</summary>
    public const string CustomerDiscountDeleted = "customer.discount.deleted";

    /// <summary><c>customer.discount.updated</c>.</summary>
    public const string CustomerDiscountUpdated = "customer.discount.updated";

    /// <summary><c>customer.source.created</c>.</summary>
    public const string CustomerSourceCreated = "customer.source.created";

    /// <summary><c>customer.source.deleted</c>.</summary>
    public const string CustomerSourceDeleted = "customer.source.deleted";

    /// <summary><c>customer.source.expiring</c>.</summary>
    public const string CustomerSourceExpiring = "customer.source.expiring";

    /// <summary><c>customer.source.updated</c>.</summary>
    public const string CustomerSourceUpdated = "customer.source.updated";

    /// <summary><c>customer.subscription.created</c> (documented; typed handler class).</summary>
    public const string CustomerSubscriptionCreated = "customer.subscription.created";

    /// <summary><c>customer.subscription.deleted</c> (documented; typed handler class).</summary>
    public const string CustomerSubscriptionDeleted = "customer.subscription.deleted";

    /// <summary><c>customer.subscription.paused</c> (documented; typed handler class).</summary>
    public const string CustomerSubscriptionPaused = "customer.subscription.paused";

    /// <summary><c>customer.subscription.past_due</c>.</summary>
    public const string CustomerSubscriptionPastDue = "customer.subscription.past_due";

    /// <summary><c>customer.subscription.pending_update_applied</c>.</summary>
    public const string CustomerSubscriptionPendingUpdateApplied = "customer.subscription.pending_update_applied";

    /// <summary><c>customer.subscription.pending_update_expired</c>.</summary>
    public const string CustomerSubscriptionPendingUpdateExpired = "customer.subscription.pending_update_expired";

    /// <summary><c>customer.subscription.resumed</c> (documented; typed handler class).</summary>
    public const string CustomerSubscriptionResumed = "customer.subscription.resumed";

    /// <summary><c>customer.subscription.renewed</c> (documented; typed handler class).</summary>
    public const string CustomerSubscriptionRenewed = "customer.subscription.renewed";

    /// <summary><c>customer.subscription.recovered</c>.</summary>
    public const string CustomerSubscriptionRecovered = "customer.subscription.recovered";

    /// <summary><c>customer.subscription.upgraded</c> (documented; typed handler class).</summary>
    public const string CustomerSubscriptionUpgraded = "customer.subscription.upgraded";

    /// <summary><c>customer.subscription.renew_failed</c>.</summary>
    public const string CustomerSubscriptionRenewFailed = "customer.subscription.renew_failed";

    /// <summary><c>customer.subscription.trial_start</c> (documented; typed handler class).</summary>
    public const string CustomerSubscriptionTrialStart = "customer.subscription.trial_start";

    /// <summary><c>customer.subscription.trial_will_end</c> (documented; typed handler class).</summary>
    public const string CustomerSubscriptionTrialWillEnd = "customer.subscription.trial_will_end";

    /// <summary><c>customer.subscription.trial_end</c> (documented; typed handler class).</summary>
    public const string CustomerSubscriptionTrialEnd = "customer.subscription.trial_end";

    /// <summary><c>customer.subscription.started</c> (documented; typed handler class).</summary>
    public const string CustomerSubscriptionStarted = "customer.subscription.started";

    /// <summary><c>customer.subscription.updated</c> (documented; typed handler class).</summary>
    public const string CustomerSubscriptionUpdated = "customer.subscription.updated";

    /// <summary><c>customer.tax_id.created</c>.</summary>
    public const string CustomerTaxIdCreated = "customer.tax_id.created";

    /// <summary><c>customer.tax_id.deleted</c>.</summary>
    public const string CustomerTaxIdDeleted = "customer.tax_id.deleted";

    /// <summary><c>customer.tax_id.updated</c>.</summary>
    public const string CustomerTaxIdUpdated = "customer.tax_id.updated";

    /// <summary><c>customer.updated</c>.</summary>
    public const string CustomerUpdated = "customer.updated";

    /// <summary><c>file.created</c>.</summary>
    public const string FileCreated = "file.created";

    /// <summary><c>financial_connections.account.created</c>.</summary>
    public const string FinancialConnectionsAccountCreated = "financial_connections.account.created";

    /// <summary><c>financial_connections.account.deactivated</c>.</summary>
    public const string FinancialConnectionsAccountDeactivated = "financial_connections.account.deactivated";

    /// <summary><c>financial_connections.account.disconnected</c>.</summary>
    public const string FinancialConnectionsAccountDisconnected = "financial_connections.account.disconnected";

    /// <summary><c>financial_connections.account.reactivated</c>.</summary>
    public const string FinancialConnectionsAccountReactivated = "financial_connections.account.reactivated";

    /// <summary><c>financial_connections.account.refreshed_balance</c>.</summary>
    public const string FinancialConnectionsAccountRefreshedBalance = "financial_connections.account.refreshed_balance";

    /// <summary><c>identity.verification_session.canceled</c>.</summary>
    public const string IdentityVerificationSessionCanceled = "identity.verification_session.canceled";

    /// <summary><c>identity.verification_session.created</c>.</summary>
    public const string IdentityVerificationSessionCreated = "identity.verification_session.created";

    /// <summary><c>identity.verification_session.processing</c>.</summary>
    public const string IdentityVerificationSessionProcessing = "identity.verification_session.processing";

    /// <summary><c>identity.verification_session.redacted</c>.</summary>
    public const string IdentityVerificationSessionRedacted = "identity.verification_session.redacted";

    /// <summary><c>identity.verification_session.requires_input</c>.</summary>
    public const string IdentityVerificationSessionRequiresInput = "identity.verification_session.requires_input";

    /// <summary><c>identity.verification_session.verified</c>.</summary>
    public const string IdentityVerificationSessionVerified = "identity.verification_session.verified";

    /// <summary><c>invoice.created</c>.</summary>
    public const string InvoiceCreated = "invoice.created";

    /// <summary><c>invoice.deleted</c>.</summary>
    public const string InvoiceDeleted = "invoice.deleted";

    /// <summary><c>invoice.finalization_failed</c>.</summary>
    public const string InvoiceFinalizationFailed = "invoice.finalization_failed";

    /// <summary><c>invoice.finalized</c>.</summary>
    public const string InvoiceFinalized = "invoice.finalized";

    /// <summary><c>invoice.marked_uncollectible</c>.</summary>
    public const string InvoiceMarkedUncollectible = "invoice.marked_uncollectible";

    /// <summary><c>invoice.paid</c> (documented; typed handler class).</summary>
    public const string InvoicePaid = "invoice.paid";

    /// <summary><c>invoice.payment_action_required</c>.</summary>
    public const string InvoicePaymentActionRequired = "invoice.payment_action_required";

    /// <summary><c>invoice.payment_failed</c>.</summary>
    public const string InvoicePaymentFailed = "invoice.payment_failed";

    /// <summary><c>invoice.payment_succeeded</c>.</summary>
    public const string InvoicePaymentSucceeded = "invoice.payment_succeeded";

    /// <summary><c>invoice.sent</c>.</summary>
    public const string InvoiceSent = "invoice.sent";

    /// <summary><c>invoice.upcoming</c>.</summary>
    public const string InvoiceUpcoming = "invoice.upcoming";

    /// <summary><c>invoice.updated</c>.</summary>
    public const string InvoiceUpdated = "invoice.updated";

    /// <summary><c>invoice.voided</c>.</summary>
    public const string InvoiceVoided = "invoice.voided";

    /// <summary><c>invoiceitem.created</c>.</summary>
    public const string InvoiceitemCreated = "invoiceitem.created";

    /// <summary><c>invoiceitem.deleted</c>.</summary>
    public const string InvoiceitemDeleted = "invoiceitem.deleted";

    /// <summary><c>issuing_authorization.created</c>.</summary>
    public const string IssuingAuthorizationCreated = "issuing_authorization.created";

    /// <summary><c>issuing_authorization.request</c>.</summary>
    public const string IssuingAuthorizationRequest = "issuing_authorization.request";

    /// <summary><c>issuing_authorization.updated</c>.</summary>
    public const string IssuingAuthorizationUpdated = "issuing_authorization.updated";

    /// <summary><c>issuing_card.created</c>.</summary>
    public const string IssuingCardCreated = "issuing_card.created";

    /// <summary><c>issuing_card.updated</c>.</summary>
    public const string IssuingCardUpdated = "issuing_card.updated";

    /// <summary><c>issuing_cardholder.created</c>.</summary>
    public const string IssuingCardholderCreated = "issuing_cardholder.created";

    /// <summary><c>issuing_cardholder.updated</c>.</summary>
    public const string IssuingCardholderUpdated = "issuing_cardholder.updated";

    /// <summary><c>issuing_dispute.closed</c>.</summary>
    public const string IssuingDisputeClosed = "issuing_dispute.closed";

    /// <summary><c>issuing_dispute.created</c>.</summary>
    public const string IssuingDisputeCreated = "issuing_dispute.created";

    /// <summary><c>issuing_dispute.funds_reinstated</c>.</summary>
    public const string IssuingDisputeFundsReinstated = "issuing_dispute.funds_reinstated";

    /// <summary><c>issuing_dispute.submitted</c>.</summary>
    public const string IssuingDisputeSubmitted = "issuing_dispute.submitted";

    /// <summary><c>issuing_dispute.updated</c>.</summary>
    public const string IssuingDisputeUpdated = "issuing_dispute.updated";

    /// <summary><c>issuing_transaction.created</c>.</summary>
    public const string IssuingTransactionCreated = "issuing_transaction.created";

    /// <summary><c>issuing_transaction.updated</c>.</summary>
    public const string IssuingTransactionUpdated = "issuing_transaction.updated";

    /// <summary><c>mandate.updated</c>.</summary>
    public const string MandateUpdated = "mandate.updated";

    /// <summary><c>order.created</c>.</summary>
    public const string OrderCreated = "order.created";

    /// <summary><c>payment_intent.amount_capturable_updated</c>.</summary>
    public const string PaymentIntentAmountCapturableUpdated = "payment_intent.amount_capturable_updated";

    /// <summary><c>payment_intent.canceled</c>.</summary>
    public const string PaymentIntentCanceled = "payment_intent.canceled";

    /// <summary><c>payment_intent.created</c>.</summary>
    public const string PaymentIntentCreated = "payment_intent.created";

    /// <summary><c>payment_intent.partially_funded</c>.</summary>
    public const string PaymentIntentPartiallyFunded = "payment_intent.partially_funded";

    /// <summary><c>payment_intent.payment_failed</c> (documented; typed handler class).</summary>
    public const string PaymentIntentPaymentFailed = "payment_intent.payment_failed";

    /// <summary><c>payment_intent.processing</c>.</summary>
    public const string PaymentIntentProcessing = "payment_intent.processing";

    /// <summary><c>payment_intent.requires_action</c>.</summary>
    public const string PaymentIntentRequiresAction = "payment_intent.requires_action";

    /// <summary><c>payment_intent.succeeded</c> (documented; typed handler class).</summary>
    public const string PaymentIntentSucceeded = "payment_intent.succeeded";

    /// <summary><c>payment_link.created</c>.</summary>
    public const string PaymentLinkCreated = "payment_link.created";

    /// <summary><c>payment_link.updated</c>.</summary>
    public const string PaymentLinkUpdated = "payment_link.updated";

    /// <summary><c>payment_method.attached</c>.</summary>
    public const string PaymentMethodAttached = "payment_method.attached";

    /// <summary><c>payment_method.automatically_updated</c>.</summary>
    public const string PaymentMethodAutomaticallyUpdated = "payment_method.automatically_updated";

    /// <summary><c>payment_method.detached</c>.</summary>
    public const string PaymentMethodDetached = "payment_method.detached";

    /// <summary><c>payment_method.updated</c>.</summary>
    public const string PaymentMethodUpdated = "payment_method.updated";

    /// <summary><c>payout.canceled</c>.</summary>
    public const string PayoutCanceled = "payout.canceled";

    /// <summary><c>payout.created</c>.</summary>
    public const string PayoutCreated = "payout.created";

    /// <summary><c>payout.failed</c>.</summary>
    public const string PayoutFailed = "payout.failed";

    /// <summary><c>payout.paid</c>.</summary>
    public const string PayoutPaid = "payout.paid";

    /// <summary><c>payout.reconciliation_completed</c>.</summary>
    public const string PayoutReconciliationCompleted = "payout.reconciliation_completed";

    /// <summary><c>payout.updated</c>.</summary>
    public const string PayoutUpdated = "payout.updated";

    /// <summary><c>person.created</c>.</summary>
    public const string PersonCreated = "person.created";

    /// <summary><c>person.deleted</c>.</summary>
    public const string PersonDeleted = "person.deleted";

    /// <summary><c>person.updated</c>.</summary>
    public const string PersonUpdated = "person.updated";

    /// <summary><c>plan.created</c>.</summary>
    public const string PlanCreated = "plan.created";

    /// <summary><c>plan.deleted</c>.</summary>
    public const string PlanDeleted = "plan.deleted";

    /// <summary><c>plan.updated</c>.</summary>
    public const string PlanUpdated = "plan.updated";

    /// <summary><c>price.created</c>.</summary>
    public const string PriceCreated = "price.created";

    /// <summary><c>price.deleted</c>.</summary>
    public const string PriceDeleted = "price.deleted";

    /// <summary><c>price.updated</c>.</summary>
    public const string PriceUpdated = "price.updated";

    /// <summary><c>product.created</c>.</summary>
    public const string ProductCreated = "product.created";

    /// <summary><c>product.deleted</c>.</summary>
    public const string ProductDeleted = "product.deleted";

    /// <summary><c>product.updated</c>.</summary>
    public const string ProductUpdated = "product.updated";

    /// <summary><c>promotion_code.created</c>.</summary>
    public const string PromotionCodeCreated = "promotion_code.created";

    /// <summary><c>promotion_code.updated</c>.</summary>
    public const string PromotionCodeUpdated = "promotion_code.updated";

    /// <summary><c>quote.accepted</c>.</summary>
    public const string QuoteAccepted = "quote.accepted";

    /// <summary><c>quote.canceled</c>.</summary>
    public const string QuoteCanceled = "quote.canceled";

    /// <summary><c>quote.created</c>.</summary>
    public const string QuoteCreated = "quote.created";

    /// <summary><c>quote.finalized</c>.</summary>
    public const string QuoteFinalized = "quote.finalized";

    /// <summary><c>radar.early_fraud_warning.created</c>.</summary>
    public const string RadarEarlyFraudWarningCreated = "radar.early_fraud_warning.created";

    /// <summary><c>radar.early_fraud_warning.updated</c>.</summary>
    public const string RadarEarlyFraudWarningUpdated = "radar.early_fraud_warning.updated";

    /// <summary><c>recipient.created</c>.</summary>
    public const string RecipientCreated = "recipient.created";

    /// <summary><c>recipient.deleted</c>.</summary>
    public const string RecipientDeleted = "recipient.deleted";

    /// <summary><c>recipient.updated</c>.</summary>
    public const string RecipientUpdated = "recipient.updated";

    /// <summary><c>refund.created</c>.</summary>
    public const string RefundCreated = "refund.created";

    /// <summary><c>refund.updated</c>.</summary>
    public const string RefundUpdated = "refund.updated";

    /// <summary><c>refund.succeeded</c> (documented; typed handler class).</summary>
    public const string RefundSucceeded = "refund.succeeded";

    /// <summary><c>refund.canceled</c>.</summary>
    public const string RefundCanceled = "refund.canceled";

    /// <summary><c>reporting.report_run.failed</c>.</summary>
    public const string ReportingReportRunFailed = "reporting.report_run.failed";

    /// <summary><c>reporting.report_run.succeeded</c>.</summary>
    public const string ReportingReportRunSucceeded = "reporting.report_run.succeeded";

    /// <summary><c>reporting.report_type.updated</c>.</summary>
    public const string ReportingReportTypeUpdated = "reporting.report_type.updated";

    /// <summary><c>review.closed</c>.</summary>
    public const string ReviewClosed = "review.closed";

    /// <summary><c>review.opened</c>.</summary>
    public const string ReviewOpened = "review.opened";

    /// <summary><c>setup_intent.canceled</c>.</summary>
    public const string SetupIntentCanceled = "setup_intent.canceled";

    /// <summary><c>setup_intent.created</c>.</summary>
    public const string SetupIntentCreated = "setup_intent.created";

    /// <summary><c>setup_intent.requires_action</c>.</summary>
    public const string SetupIntentRequiresAction = "setup_intent.requires_action";

    /// <summary><c>setup_intent.setup_failed</c>.</summary>
    public const string SetupIntentSetupFailed = "setup_intent.setup_failed";

    /// <summary><c>setup_intent.succeeded</c>.</summary>
    public const string SetupIntentSucceeded = "setup_intent.succeeded";

    /// <summary><c>sigma.scheduled_query_run.created</c>.</summary>
    public const string SigmaScheduledQueryRunCreated = "sigma.scheduled_query_run.created";

    /// <summary><c>sku.created</c>.</summary>
    public const string SkuCreated = "sku.created";

    /// <summary><c>sku.deleted</c>.</summary>
    public const string SkuDeleted = "sku.deleted";

    /// <summary><c>sku.updated</c>.</summary>
    public const string SkuUpdated = "sku.updated";

    /// <summary><c>source.canceled</c>.</summary>
    public const string SourceCanceled = "source.canceled";

    /// <summary><c>source.chargeable</c>.</summary>
    public const string SourceChargeable = "source.chargeable";

    /// <summary><c>source.failed</c>.</summary>
    public const string SourceFailed = "source.failed";

    /// <summary><c>source.mandate_notification</c>.</summary>
    public const string SourceMandateNotification = "source.mandate_notification";

    /// <summary><c>source.refund_attributes_required</c>.</summary>
    public const string SourceRefundAttributesRequired = "source.refund_attributes_required";

    /// <summary><c>source.transaction.created</c>.</summary>
    public const string SourceTransactionCreated = "source.transaction.created";

    /// <summary><c>source.transaction.updated</c>.</summary>
    public const string SourceTransactionUpdated = "source.transaction.updated";

    /// <summary><c>subscription_schedule.aborted</c>.</summary>
    public const string SubscriptionScheduleAborted = "subscription_schedule.aborted";

    /// <summary><c>subscription_schedule.canceled</c>.</summary>
    public const string SubscriptionScheduleCanceled = "subscription_schedule.canceled";

    /// <summary><c>subscription_schedule.completed</c>.</summary>
    public const string SubscriptionScheduleCompleted = "subscription_schedule.completed";

    /// <summary><c>subscription_schedule.created</c>.</summary>
    public const string SubscriptionScheduleCreated = "subscription_schedule.created";

    /// <summary><c>subscription_schedule.expiring</c>.</summary>
    public const string SubscriptionScheduleExpiring = "subscription_schedule.expiring";

    /// <summary><c>subscription_schedule.released</c>.</summary>
    public const string SubscriptionScheduleReleased = "subscription_schedule.released";

    /// <summary><c>subscription_schedule.updated</c>.</summary>
    public const string SubscriptionScheduleUpdated = "subscription_schedule.updated";

    /// <summary><c>tax_rate.created</c>.</summary>
    public const string TaxRateCreated = "tax_rate.created";

    /// <summary><c>tax_rate.updated</c>.</summary>
    public const string TaxRateUpdated = "tax_rate.updated";

    /// <summary><c>tax.settings.updated</c>.</summary>
    public const string TaxSettingsUpdated = "tax.settings.updated";

    /// <summary><c>terminal.reader.action_failed</c>.</summary>
    public const string TerminalReaderActionFailed = "terminal.reader.action_failed";

    /// <summary><c>terminal.reader.action_succeeded</c>.</summary>
    public const string TerminalReaderActionSucceeded = "terminal.reader.action_succeeded";

    /// <summary><c>test_helpers.test_clock.advancing</c>.</summary>
    public const string TestHelpersTestClockAdvancing = "test_helpers.test_clock.advancing";

    /// <summary><c>test_helpers.test_clock.created</c>.</summary>
    public const string TestHelpersTestClockCreated = "test_helpers.test_clock.created";

    /// <summary><c>test_helpers.test_clock.deleted</c>.</summary>
    public const string TestHelpersTestClockDeleted = "test_helpers.test_clock.deleted";

    /// <summary><c>test_helpers.test_clock.internal_failure</c>.</summary>
    public const string TestHelpersTestClockInternalFailure = "test_helpers.test_clock.internal_failure";

    /// <summary><c>test_helpers.test_clock.ready</c>.</summary>
    public const string TestHelpersTestClockReady = "test_helpers.test_clock.ready";

    /// <summary><c>topup.canceled</c>.</summary>
    public const string TopupCanceled = "topup.canceled";

    /// <summary><c>topup.created</c>.</summary>
    public const string TopupCreated = "topup.created";

    /// <summary><c>topup.failed</c>.</summary>
    public const string TopupFailed = "topup.failed";

    /// <summary><c>topup.reversed</c>.</summary>
    public const string TopupReversed = "topup.reversed";

    /// <summary><c>topup.succeeded</c>.</summary>
    public const string TopupSucceeded = "topup.succeeded";

    /// <summary><c>transfer.created</c>.</summary>
    public const string TransferCreated = "transfer.created";

    /// <summary><c>transfer.reversed</c>.</summary>
    public const string TransferReversed = "transfer.reversed";

    /// <summary><c>transfer.updated</c>.</summary>
    public const string TransferUpdated = "transfer.updated";

    /// <summary><c>billing.discrepancy</c>.</summary>
    public const string BillingDiscrepancy = "billing.discrepancy";

    /// <summary><c>usage.report.empty</c>.</summary>
    public const string UsageReportEmpty = "usage.report.empty";

    /// <summary><c>customer.credit.insufficient</c>.</summary>
    public const string CustomerCreditInsufficient = "customer.credit.insufficient";

    /// <summary><c>customer.credit.low_balance</c>.</summary>
    public const string CustomerCreditLowBalance = "customer.credit.low_balance";

    /// <summary><c>customer.credit_grant.granted</c>.</summary>
    public const string CustomerCreditGrantGranted = "customer.credit_grant.granted";

    /// <summary><c>customer.credit_grant.depleted</c>.</summary>
    public const string CustomerCreditGrantDepleted = "customer.credit_grant.depleted";

    /// <summary><c>exchange_rate.providers_unavailable</c>.</summary>
    public const string ExchangeRateProvidersUnavailable = "exchange_rate.providers_unavailable";

    /// <summary><c>exchange_rate.spread_exceeded</c>.</summary>
    public const string ExchangeRateSpreadExceeded = "exchange_rate.spread_exceeded";

    // Names that types.d.ts only lists as notification triggers (NotificationActionEvents, ServiceAction.triggerEvents),
    // not in the EventType union: kept as constants, left out of All because they are not webhook event types.
    /// <summary><c>subscription.stake.slash.succeeded</c> (notification trigger only; not in <see cref="All"/>).</summary>
    public const string SubscriptionStakeSlashSucceeded = "subscription.stake.slash.succeeded";

    /// <summary><c>customer.subscription.will_renew</c> (notification trigger only; not in <see cref="All"/>).</summary>
    public const string CustomerSubscriptionWillRenew = "customer.subscription.will_renew";

    /// <summary><c>customer.subscription.will_canceled</c> (notification trigger only; not in <see cref="All"/>).</summary>
    public const string CustomerSubscriptionWillCanceled = "customer.subscription.will_canceled";

    /// <summary>
    /// The types the product documents (docs/protocol.md §2 table), each with its own event class; read from the
    /// <see cref="EventTypeAttribute"/> on those classes.
    /// </summary>
    public static IReadOnlyList<string> Documented { get; } = [.. EventClasses.Documented.Select(static d => d.Type)];

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
