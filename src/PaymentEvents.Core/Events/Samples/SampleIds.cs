using System.Security.Cryptography;

namespace PaymentEvents.Events.Samples;

/// <summary>Ids in Payment Kit's style: a prefix and 24 characters of the base58 alphabet (<c>evt_T2UiJ2VHUxVo3J6BuULkrp15</c>).</summary>
internal static class SampleIds
{
    private const string Base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string New(string prefix) =>
        string.Concat(prefix, "_", new string(RandomNumberGenerator.GetItems<char>(Base58, 24)));

    /// <summary>A DID-like address for payers and NFT owners (<c>z</c> + base58).</summary>
    public static string Address() => "z" + new string(RandomNumberGenerator.GetItems<char>(Base58, 34));

    public static string TxHash() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
}
