using Microsoft.Extensions.Options;

namespace PaymentEvents.Dashboard;

/// <summary>One line per bad setting at startup, naming it.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var path = options.Path;
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.Length < 2 || path.EndsWith('/') || path.Contains('?', StringComparison.Ordinal)
            || path.Contains('#', StringComparison.Ordinal) || path.Contains('{', StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail(
                $"{DashboardOptions.SectionName}:Path must be a path like /dashboard (leading '/', no trailing '/', no query), got '{path}'.");
        }

        return options.AuthorizationPolicy is { } policy && policy.Trim().Length == 0
            ? ValidateOptionsResult.Fail($"{DashboardOptions.SectionName}:AuthorizationPolicy must name a policy or be unset.")
            : ValidateOptionsResult.Success;
    }
}
