using System.Buffers.Text;
using System.Text.Json;
using PaymentEvents.Blocklet;
using PaymentEvents.Protocol;

namespace PaymentEvents.Tests.Blocklet;

/// <summary>The token's shape (byte equality with @arcblock/jwt itself is checked by the Api tests through Node).</summary>
public sealed class EventBusJwtTests
{
    [Fact]
    public void The_token_is_key_sorted_string_timed_and_expires_300_seconds_after_it_was_issued()
    {
        var key = AppKey.Generate();
        var token = EventBusJwt.Sign(key, new DateTimeOffset(2026, 12, 2, 1, 0, 0, 999, TimeSpan.Zero));
        var parts = token.Split('.');

        Assert.Equal(3, parts.Length);
        Assert.DoesNotContain('=', token);
        Assert.Equal("""{"alg":"Ed25519","type":"JWT"}""", System.Text.Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])));
        var body = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement;
        Assert.Equal(["exp", "iat", "iss", "nbf", "version"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1796173200", body.GetProperty("iat").GetString()); // whole seconds, rounded down
        Assert.Equal("1796173500", body.GetProperty("exp").GetString());
        Assert.Equal(body.GetProperty("iat").GetString(), body.GetProperty("nbf").GetString());
        Assert.Equal("did:abt:" + key.Address, body.GetProperty("iss").GetString());
        Assert.Equal("1.0.0", body.GetProperty("version").GetString());
        Assert.Equal(64, Base64Url.DecodeFromChars(parts[2]).Length);
    }

    [Fact]
    public void An_ethereum_key_is_refused_because_the_access_wallet_is_always_ed25519() =>
        Assert.Throws<ArgumentException>(() => EventBusJwt.Sign(AppKey.Generate(WalletType.Ethereum), DateTimeOffset.UnixEpoch));
}
