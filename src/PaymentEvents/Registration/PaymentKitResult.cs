using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace PaymentEvents.Registration;

/// <summary>Why a call to Payment Kit failed. <see cref="Message"/> is Payment Kit's own error text when it sent one.</summary>
/// <param name="StatusCode">The HTTP status, or null when no response came (refused, timed out, DNS).</param>
/// <param name="Message">What went wrong, safe to log (never contains secrets).</param>
/// <param name="Transient">True when trying again later may succeed (5xx, 408, 429, no response).</param>
internal sealed record PaymentKitError(HttpStatusCode? StatusCode, string Message, bool Transient)
{
    /// <summary>Payment Kit refused our credentials (401/403).</summary>
    public bool IsAuthenticationFailure => StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    /// <inheritdoc />
    public override string ToString() => StatusCode is { } code ? $"{(int)code} {Message}" : Message;
}

/// <summary>Either the value of a successful call or a <see cref="PaymentKitError"/>; calls never throw for HTTP failures.</summary>
internal readonly record struct PaymentKitResult<T>
{
    internal PaymentKitResult(T? value, PaymentKitError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public PaymentKitError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static implicit operator PaymentKitResult<T>(PaymentKitError error) => PaymentKitResult.Failure<T>(error);
}

/// <summary>Factory methods of <see cref="PaymentKitResult{T}"/>.</summary>
internal static class PaymentKitResult
{
    public static PaymentKitResult<T> Success<T>(T value) => new(value, null);

    public static PaymentKitResult<T> Failure<T>(PaymentKitError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));
}
