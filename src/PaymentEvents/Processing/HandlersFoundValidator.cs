using Microsoft.Extensions.Options;
using PaymentEvents.Handlers;

namespace PaymentEvents.Processing;

/// <summary>
/// With processing on, at least one handler class must be registered: otherwise every delivery is acknowledged to
/// Payment Kit and then marked <c>ignored</c>, and the only trace is a warning that a test runner hides. A
/// receive-only instance (<c>Processing:Enabled=false</c>) needs none.
/// </summary>
internal sealed class HandlersFoundValidator(IEnumerable<HandlerTypeRegistration> handlers, IEnumerable<HandlerScan> scans)
    : IValidateOptions<ProcessingOptions>
{
    public ValidateOptionsResult Validate(string? name, ProcessingOptions options)
    {
        if (!options.Enabled || handlers.Any())
        {
            return ValidateOptionsResult.Success;
        }

        var scanned = scans.SelectMany(s => s.AssemblyNames).Distinct(StringComparer.Ordinal).ToArray();
        var where = scanned.Length > 0
            ? $"{string.Join(" and ", scans.Select(s => s.Source).Distinct(StringComparer.Ordinal))} ({string.Join(", ", scanned)})"
            : $"the application assembly ('{scans.Select(s => s.ApplicationName).FirstOrDefault()}' could not be loaded)";
        return ValidateOptionsResult.Fail(
            $"{ProcessingOptions.SectionName}:Enabled is true but no payment event handler class was found in {where}, so every event would be stored as ignored. "
            + "Pass the assembly that holds your IPaymentEventHandler<TEvent> classes: builder.AddPaymentEvents(typeof(MyHandler).Assembly); "
            + $"an instance that only receives and stores sets {ProcessingOptions.SectionName}:Enabled=false.");
    }
}
