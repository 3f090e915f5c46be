using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace Shop.Handlers;

/// <summary><c>invoice.paid</c>: the shop fulfils the order. An exception here means "retry later" (the event stays in the inbox).</summary>
public sealed class InvoicePaidHandler(PaidInvoices paid) : IPaymentEventHandler<InvoicePaid>
{
    public Task HandleAsync(InvoicePaid paymentEvent, CancellationToken cancellationToken)
    {
        var invoice = paymentEvent.Object;
        if (invoice.Id is null || invoice.AmountPaid is null or "0")
        {
            throw new InvalidOperationException($"Invoice {invoice.Id} is paid but amount_paid is '{invoice.AmountPaid}': not fulfilling it.");
        }

        paid.MarkPaid(invoice.Id, invoice.AmountPaid);
        return Task.CompletedTask;
    }
}
