using Microsoft.AspNetCore.Http;

namespace PaymentEvents.Admin;

/// <summary>
/// 401 problem unless <c>X-Api-Key</c> is <c>Admin:ApiKey</c> or <c>Admin:ReadOnlyApiKey</c>; the read-only key gets
/// 403 on anything but GET/HEAD (replay, resolve).
/// </summary>
internal sealed class ApiKeyFilter(AdminKeys keys) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var access = request.Headers.TryGetValue(HeaderName, out var provided) && provided.Count == 1
            ? keys.Check(provided[0])
            : AdminAccess.None;
        if (access == AdminAccess.Full || (access == AdminAccess.ReadOnly && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))))
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(access == AdminAccess.ReadOnly
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: "The read-only key (Admin:ReadOnlyApiKey) cannot change events; use Admin:ApiKey.")
            : TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: $"A valid {HeaderName} header is required."));
    }
}
