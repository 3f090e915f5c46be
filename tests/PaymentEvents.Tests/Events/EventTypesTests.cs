using PaymentEvents.Events;

namespace PaymentEvents.Tests.Events;

public sealed class EventTypesTests
{
    [Fact]
    public void All_lists_every_name_of_the_EventType_union_once()
    {
        Assert.Equal(214, EventTypes.All.Count);
        Assert.Equal(EventTypes.All.Count, EventTypes.All.Distinct(StringComparer.Ordinal).Count());
        Assert.All(EventTypes.Documented, t => Assert.Contains(t, EventTypes.All));
        Assert.Contains("customer.subscription.past_due", EventTypes.All);
        Assert.Contains("customer.subscription.recovered", EventTypes.All);
        Assert.Contains("customer.credit_grant.granted", EventTypes.All);
        Assert.Contains("refund.canceled", EventTypes.All);
        Assert.Contains("exchange_rate.spread_exceeded", EventTypes.All);
        Assert.DoesNotContain(EventTypes.CustomerSubscriptionWillRenew, EventTypes.All);
    }

    [Fact]
    public void Constants_spell_the_wire_names()
    {
        Assert.Equal("checkout.session.nft_minted", EventTypes.CheckoutSessionNftMinted);
        Assert.Equal("customer.subscription.trial_will_end", EventTypes.CustomerSubscriptionTrialWillEnd);
        Assert.Equal("payment_intent.payment_failed", EventTypes.PaymentIntentPaymentFailed);
        Assert.Equal("invoiceitem.created", EventTypes.InvoiceitemCreated);
    }
}
