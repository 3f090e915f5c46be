using Microsoft.AspNetCore.Http;

namespace PaymentEvents.Admin;

/// <summary>
/// 401 problem unless <c>X-Api-Key</c> is <c>Admin:ApiKey</c> or <c>Admin:ReadOnlyApiKey</c>, failed attempts rate limited
/// per client (<see cref="AdminAuthGuard"/>: the filter is created per request, so the limiters live there); the
/// read-only key gets 403 on anything but GET/HEAD (replay, resolve).
/// </summary>
internal sealed class ApiKeyFilter(AdminAuthGuard guard) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var provided = request.Headers.TryGetValue(HeaderName, out var values) && values.Count == 1 ? values[0] : null;
        var access = guard.Authenticate(context.HttpContext, provided, out var refusal);
        if (refusal is not null)
        {
            return ValueTask.FromResult<object?>(refusal);
        }

        if (access == AdminAccess.Full || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: "The read-only key (Admin:ReadOnlyApiKey) cannot change events; use Admin:ApiKey."));
    }
}
