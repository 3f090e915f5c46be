using System.Globalization;
using System.Text.Json.Nodes;

namespace PaymentEvents.Events.Samples;

/// <summary>The <c>data.object</c> (and <c>previous_attributes</c>) of a sample event, by the resource its type names.</summary>
internal static class SampleObjects
{
    // 18-decimal token units (docs/protocol.md §2): 9.99 and 0.5 tokens.
    internal const string PlanAmount = "9990000000000000000";
    internal const string RefundAmount = "500000000000000000";

    private const long Day = 86_400;

    public static (string ObjectType, JsonObject Object, JsonObject Previous) For(string eventType, DateTimeOffset now, bool livemode)
    {
        var context = new SampleContext(now, livemode);
        var resource = EventClasses.ByTypePrefix(eventType)?.ClrType.GetGenericArguments()[0].Name;
        var verb = eventType[(eventType.LastIndexOf('.') + 1)..];
        return resource switch
        {
            nameof(Subscription) => (resource, SampleSubscriptions.Create(context, verb, out var previous), previous),
            nameof(CheckoutSession) => (resource, SampleCheckoutSessions.Create(context, verb, out var previous), previous),
            nameof(PaymentIntent) => (resource, SamplePayments.PaymentIntent(context, verb, out var previous), previous),
            nameof(Invoice) => (resource, SamplePayments.Invoice(context, verb, out var previous), previous),
            nameof(Refund) => (resource, SamplePayments.Refund(context, verb, out var previous), previous),
            nameof(Customer) => (resource, Customer(context), new JsonObject()),
            _ => Generic(context, eventType, verb),
        };
    }

    public static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Customer(SampleContext c) => new()
    {
        ["id"] = c.CustomerId,
        ["livemode"] = c.Livemode,
        ["did"] = c.Payer,
        ["description"] = "Sample customer",
        ["name"] = "Ada Lovelace",
        ["email"] = "ada@example.com",
        ["phone"] = "+44 20 7946 0000",
        ["address"] = Address(),
        ["balance"] = "0",
        ["token_balance"] = new JsonObject { [c.CurrencyId] = "0" },
        ["currency_id"] = c.CurrencyId,
        ["delinquent"] = false,
        ["metadata"] = new JsonObject { ["crm_id"] = "crm-1042" },
        ["invoice_prefix"] = "ADA0",
        ["invoice_settings"] = new JsonObject { ["footer"] = "Thank you" },
        ["next_invoice_sequence"] = 3,
        ["last_sync_at"] = c.Unix,
        ["created_at"] = Iso(c.Now.AddDays(-90)),
        ["updated_at"] = Iso(c.Now),
    };

    public static JsonObject Address() => new()
    {
        ["line1"] = "1 Sample Street",
        ["city"] = "London",
        ["postal_code"] = "N1 9GU",
        ["country"] = "GB",
    };

    public static JsonObject ArcblockPaymentDetails(SampleContext c, string type) => new()
    {
        ["arcblock"] = new JsonObject { ["tx_hash"] = c.TxHash, ["payer"] = c.Payer, ["type"] = type },
    };

    public static JsonObject PaymentSettings(SampleContext c) => new()
    {
        ["payment_method_options"] = new JsonObject { ["arcblock"] = new JsonObject { ["payer"] = c.Payer } },
        ["payment_method_types"] = new JsonArray("arcblock"),
    };

    public static JsonObject Price(SampleContext c) => new()
    {
        ["id"] = c.PriceId,
        ["product_id"] = c.ProductId,
        ["nickname"] = "Pro monthly",
        ["active"] = true,
        ["livemode"] = c.Livemode,
        ["type"] = PriceType.Recurring,
        ["billing_scheme"] = "per_unit",
        ["unit_amount"] = PlanAmount,
        ["recurring"] = Monthly(),
        ["currency_id"] = c.CurrencyId,
        ["metadata"] = new JsonObject(),
        ["created_at"] = Iso(c.Now.AddDays(-120)),
        ["updated_at"] = Iso(c.Now.AddDays(-120)),
    };

    public static JsonObject Monthly() => new() { ["interval"] = RecurringInterval.Month, ["interval_count"] = 1 };

    public static long Days(long days) => days * Day;

    private static (string, JsonObject, JsonObject) Generic(SampleContext c, string eventType, string verb)
    {
        // Resource = the segment before the verb ("customer.credit_grant.granted" → credit_grant → CreditGrant).
        var segments = eventType.Split('.');
        var resource = segments.Length > 1 ? segments[^2] : segments[0];
        var words = resource.Split('_', StringSplitOptions.RemoveEmptyEntries);
        var objectType = Pascal(words);
        if (EventClasses.ByObjectType.ContainsKey(objectType))
        {
            // "charge.refund.updated" is Stripe's charge refund, not a Payment Kit Refund: keep it untyped like the parser does.
            objectType = Pascal(segments[..^1].SelectMany(static s => s.Split('_', StringSplitOptions.RemoveEmptyEntries)));
        }

        var prefix = string.Concat(words.Select(static w => w[0]));
        var obj = new JsonObject
        {
            ["id"] = SampleIds.New(prefix.Length > 1 ? prefix : resource[..Math.Min(3, resource.Length)]),
            ["livemode"] = c.Livemode,
            ["status"] = verb,
            ["customer_id"] = c.CustomerId,
            ["metadata"] = new JsonObject(),
            ["created_at"] = Iso(c.Now),
            ["updated_at"] = Iso(c.Now),
        };
        return (objectType, obj, new JsonObject());
    }

    private static string Pascal(IEnumerable<string> words) =>
        string.Concat(words.Select(static w => char.ToUpperInvariant(w[0]) + w[1..]));
}

/// <summary>The ids and clock one sample shares across its nested objects, so references line up.</summary>
internal sealed class SampleContext(DateTimeOffset now, bool livemode)
{
    public DateTimeOffset Now { get; } = now;

    public long Unix { get; } = now.ToUnixTimeSeconds();

    public bool Livemode { get; } = livemode;

    public string CustomerId { get; } = SampleIds.New("cus");

    public string CurrencyId { get; } = SampleIds.New("pc");

    public string PaymentMethodId { get; } = SampleIds.New("pm");

    public string SubscriptionId { get; } = SampleIds.New("sub");

    public string InvoiceId { get; } = SampleIds.New("in");

    public string PaymentIntentId { get; } = SampleIds.New("pi");

    public string CheckoutSessionId { get; } = SampleIds.New("cs");

    public string PriceId { get; } = SampleIds.New("price");

    public string ProductId { get; } = SampleIds.New("prod");

    public string Payer { get; } = SampleIds.Address();

    public string TxHash { get; } = SampleIds.TxHash();
}
