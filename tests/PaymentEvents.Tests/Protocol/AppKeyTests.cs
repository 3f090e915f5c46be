using PaymentEvents.Protocol;

namespace PaymentEvents.Tests.Protocol;

// Public keys and addresses marked "real package" come from @ocap/wallet@1.29.27 fromSecretKey(sk, type).
public sealed class AppKeyTests
{
    [Fact]
    public void Ed25519_secret_key_gives_the_sdk_public_key_and_application_did()
    {
        var key = AppKey.FromSecretKeyHex(SdkVectorTests.EdSecretKey);
        Assert.Equal(WalletType.Arcblock, key.WalletType);
        Assert.Equal(SdkVectorTests.EdPublicKey, key.PublicKeyHex);
        Assert.Equal(SdkVectorTests.EdAddress, key.Address);
        Assert.Equal(SdkVectorTests.EdSecretKey, key.SecretKeyHex);
    }

    [Fact]
    public void A_bare_seed_is_accepted_and_expanded()
    {
        // Real package: fromSecretKey('0x22…22', ROLE_APPLICATION/ED25519/SHA3).
        var key = AppKey.FromSecretKeyHex("0x" + string.Concat(Enumerable.Repeat("22", 32)));
        Assert.Equal("0xa09aa5f47a6759802ff955f8dc2d2a14a5c99d23be97f864127ff9383455a4f0", key.PublicKeyHex);
        Assert.Equal("zNKY59hqMkm74cbPKBVFHduQHuFJYo4bwHHe", key.Address);
        Assert.Equal(130 + 2 - 2, key.SecretKeyHex.Length); // "0x" + 64 bytes
        Assert.EndsWith(key.PublicKeyHex[2..], key.SecretKeyHex, StringComparison.Ordinal);
    }

    [Fact]
    public void Upper_case_secret_hex_is_accepted()
    {
        var key = AppKey.FromSecretKeyHex("0X" + SdkVectorTests.EdSecretKey[2..].ToUpperInvariant());
        Assert.Equal(SdkVectorTests.EdAddress, key.Address);
    }

    [Fact]
    public void Ethereum_secret_key_gives_the_sdk_public_key_and_checksummed_address()
    {
        var key = AppKey.FromSecretKeyHex(SdkVectorTests.EthSecretKey, WalletType.Ethereum);
        Assert.Equal(SdkVectorTests.EthPublicKey, key.PublicKeyHex);
        Assert.Equal(SdkVectorTests.EthAddress, key.Address);

        // Real package: fromSecretKey('0x11…11', 'ethereum').address.
        Assert.Equal("0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A", AppKey.FromSecretKeyHex("0x" + string.Concat(Enumerable.Repeat("11", 32)), WalletType.Ethereum).Address);
    }

    [Fact]
    public void Ethereum_uses_the_first_32_bytes_of_a_longer_key_like_the_sdk()
    {
        var key = AppKey.FromSecretKeyHex(SdkVectorTests.EthSecretKey + new string('f', 64), WalletType.Ethereum);
        Assert.Equal(SdkVectorTests.EthAddress, key.Address);
    }

    [Theory]
    [InlineData(WalletType.Arcblock)]
    [InlineData(WalletType.Ethereum)]
    public void Generated_keys_round_trip_through_their_secret_hex(WalletType type)
    {
        var key = AppKey.Generate(type);
        var again = AppKey.FromSecretKeyHex(key.SecretKeyHex, type);
        Assert.Equal(key.PublicKeyHex, again.PublicKeyHex);
        Assert.Equal(key.Address, again.Address);
        Assert.NotEqual(key.Address, AppKey.Generate(type).Address);
        Assert.Equal(type, key.ToTrustedKey("k").WalletType);
        Assert.Equal(key.PublicKeyHex, key.ToTrustedKey("k").PublicKeyHex);
    }

    [Theory]
    [InlineData("", WalletType.Arcblock)]
    [InlineData("0707", WalletType.Arcblock)] // no 0x
    [InlineData("0x0707", WalletType.Arcblock)] // wrong length
    [InlineData("0xgg", WalletType.Arcblock)]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000", WalletType.Ethereum)] // zero scalar
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", WalletType.Ethereum)] // >= n
    public void Bad_secret_keys_throw_FormatException(string hex, WalletType type) =>
        Assert.Throws<FormatException>(() => AppKey.FromSecretKeyHex(hex, type));

    [Fact]
    public void A_64_byte_ed25519_key_whose_public_half_does_not_match_is_refused()
    {
        var mismatched = SdkVectorTests.EdSecretKey[..^2] + "00";
        var e = Assert.Throws<FormatException>(() => AppKey.FromSecretKeyHex(mismatched));
        Assert.Contains("public key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_never_shows_the_secret()
    {
        var key = AppKey.FromSecretKeyHex(SdkVectorTests.EdSecretKey);
        Assert.DoesNotContain("0707070707", key.ToString(), StringComparison.Ordinal);
    }
}
