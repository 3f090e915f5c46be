using System.Buffers.Text;
using System.Globalization;
using System.Text;
using PaymentEvents.Protocol;

namespace PaymentEvents.Blocklet;

/// <summary>
/// The connection token exactly as <c>@arcblock/jwt</c> <c>sign(did, sk, {}, true, "1.0.0")</c> makes it
/// (what <c>wallet.signJWT({})</c> of the SDK's access wallet sends, docs/protocol.md §6): header
/// <c>{"alg":"Ed25519","type":"JWT"}</c>, body <c>{exp,iat,iss,nbf,version}</c> with the times as strings,
/// both key-sorted JSON in unpadded base64url, and an Ed25519 signature over the ASCII of <c>header.body</c>
/// (no pre-hash before version 1.1.0). A pure function of key and time.
/// </summary>
internal static class EventBusJwt
{
    /// <summary>The token's lifetime, fixed by <c>@arcblock/jwt</c> (<c>exp = iat + 300</c>).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(300);

    private const string Version = "1.0.0";

    // json-stable-stringify of {alg, type}: already in key order.
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"Ed25519","type":"JWT"}"""u8);

    public static string Sign(AppKey accessKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(accessKey);
        if (accessKey.WalletType != WalletType.Arcblock)
        {
            throw new ArgumentException("The access wallet is always an arcblock (Ed25519) wallet (@blocklet/sdk getAccessWallet).", nameof(accessKey));
        }

        // Math.floor(Date.now() / 1000), as strings; keys in code-unit order: exp, iat, iss, nbf, version.
        var seconds = now.ToUnixTimeSeconds();
        var iat = seconds.ToString(CultureInfo.InvariantCulture);
        var exp = (seconds + (long)Lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var body = $$"""{"exp":"{{exp}}","iat":"{{iat}}","iss":"did:abt:{{accessKey.Address}}","nbf":"{{iat}}","version":"{{Version}}"}""";
        var signed = Header + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(body));
        var signature = accessKey.SigningKey.Sign(Encoding.ASCII.GetBytes(signed));
        return signed + "." + Base64Url.EncodeToString(signature);
    }
}
