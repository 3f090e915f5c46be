using System.ComponentModel.DataAnnotations;

namespace PaymentEvents.Registration;

/// <summary>
/// Retry and timeout policy of <see cref="PaymentKitClient"/> (configuration section <c>PaymentKit:Http</c>).
/// Defaults follow the SDK's component.call (3 retries, 500 ms doubling, capped at 5 s).
/// </summary>
public sealed class PaymentKitResilienceOptions
{
    /// <summary>Configuration section of the retry settings of calls to Payment Kit.</summary>
    public const string SectionName = "PaymentKit:Http";

    /// <summary>Retries after the first attempt (Polly needs at least one).</summary>
    [Range(1, 20, ErrorMessage = "PaymentKit:Http:MaxRetryAttempts must be between 1 and 20.")]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Median wait before the first retry of a failed call to Payment Kit.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between two retries of a call to Payment Kit.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of a call including its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Add random jitter to retry delays (on by default; tests turn it off for exact timing).</summary>
    public bool UseJitter { get; set; } = true;
}
