using Microsoft.AspNetCore.Http;

namespace PaymentEvents.Admin;

/// <summary>
/// 401 problem unless <c>X-Api-Key</c> equals <c>Admin:ApiKey</c>; failed attempts rate limited per client. The filter
/// is created per request (AddEndpointFilter&lt;T&gt;), so the key hash and the limiters live in <see cref="AdminAuthGuard"/>.
/// </summary>
internal sealed class ApiKeyFilter(AdminAuthGuard guard) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        guard.InvokeAsync(context, next);
}
