using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PaymentEvents.Admin;

/// <summary>What a presented key allows.</summary>
internal enum AdminAccess
{
    None,
    ReadOnly,
    Full,
}

/// <summary>
/// Checks a presented key against <c>Admin:ApiKey</c> and <c>Admin:ReadOnlyApiKey</c> in constant time; shared by the
/// API's <c>X-Api-Key</c> filter and the dashboard's sign-in form.
/// </summary>
internal sealed class AdminKeys(IOptions<AdminOptions> options)
{
    // Hashing first makes the comparison constant-time in the key length too.
    private readonly byte[]? _full = Hash(options.Value.ApiKey);
    private readonly byte[]? _readOnly = Hash(options.Value.ReadOnlyApiKey);

    public AdminAccess Check(string? provided)
    {
        if (string.IsNullOrEmpty(provided))
        {
            return AdminAccess.None;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(provided));
        // Both comparisons always run, so timing does not tell which key matched.
        var full = _full is not null && CryptographicOperations.FixedTimeEquals(hash, _full);
        var readOnly = _readOnly is not null && CryptographicOperations.FixedTimeEquals(hash, _readOnly);
        return full ? AdminAccess.Full : readOnly ? AdminAccess.ReadOnly : AdminAccess.None;
    }

    private static byte[]? Hash(string? key) => string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
