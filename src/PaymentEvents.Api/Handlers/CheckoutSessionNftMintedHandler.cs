using PaymentEvents.Events;
using PaymentEvents.Handlers;

namespace PaymentEvents.Api.Handlers;

/// <summary>Sample handler for <c>checkout.session.nft_minted</c>: logs it. The NFT of a checkout was minted.</summary>
public sealed partial class CheckoutSessionNftMintedHandler(ILogger<CheckoutSessionNftMintedHandler> logger) : IPaymentEventHandler<CheckoutSessionNftMinted>
{
    public Task HandleAsync(CheckoutSessionNftMinted paymentEvent, CancellationToken cancellationToken)
    {
        var o = paymentEvent.Object;
        Log(logger, paymentEvent.Id, o.Id, o.NftMintStatus, o.CustomerId);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "checkout.session.nft_minted {PaymentEventId}: checkout {SessionId} NFT mint status {NftMintStatus} for customer {CustomerId}")]
    private static partial void Log(ILogger logger, string paymentEventId, string? sessionId, string? nftMintStatus, string? customerId);
}
