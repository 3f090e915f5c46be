using Microsoft.Extensions.DependencyInjection;

namespace PaymentEvents.Handlers;

/// <summary>Adds one handler class by hand, beside those <c>AddPaymentEvents</c> found (a test's own handler, a handler in a library).</summary>
public static class PaymentEventHandlerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> (an <see cref="IPaymentEventHandler{TEvent}"/> class) as scoped, as the
    /// scan does; callable after <c>AddPaymentEvents</c>, e.g. in <c>ConfigureTestServices</c>. Adding a class twice is harmless.
    /// </summary>
    /// <typeparam name="THandler">The handler class.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddPaymentEventHandler<THandler>(this IServiceCollection services)
        where THandler : class =>
        services.AddPaymentEventHandlers([typeof(THandler)]);
}
