namespace PaymentEvents.Protocol;

/// <summary>Why a verification succeeded or failed. Never an exception for bad input.</summary>
public enum VerificationStatus
{
    /// <summary>A trusted key signed exactly this request.</summary>
    Valid,

    /// <summary>No <c>x-component-sig</c> header (the SDK answers 400).</summary>
    MissingSignature,

    /// <summary>A signature header is present but unusable: not <c>0x</c>-hex, <c>iat</c>/<c>exp</c> not numbers, unknown version.</summary>
    MalformedHeaders,

    /// <summary>The body is not empty and not a single JSON value.</summary>
    BodyNotJson,

    /// <summary><c>exp</c> is before now minus the allowed clock skew.</summary>
    Expired,

    /// <summary><c>exp - iat</c> exceeds <see cref="SignatureVerifierOptions.MaxValidity"/>.</summary>
    ValidityWindowTooLong,

    /// <summary>A V0 (body-only, never expiring) signature while <see cref="SignatureVerifierOptions.AllowV0"/> is off.</summary>
    V0NotAllowed,

    /// <summary>Well-formed, but no trusted key verifies it for any accepted path.</summary>
    NoTrustedKeyMatched,

    /// <summary><c>iat</c> is further ahead of now than <see cref="SignatureVerifierOptions.MaxClockAhead"/> allows.</summary>
    NotYetValid,
}
