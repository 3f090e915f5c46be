using PaymentEvents.Protocol;

namespace PaymentEvents.Tests.Protocol;

public sealed class TrustedKeyTests
{
    [Fact]
    public void FromHex_parses_both_wallet_types()
    {
        var ed = TrustedKey.FromHex("AppPk", SdkVectorTests.EdPublicKey, WalletType.Arcblock);
        Assert.Equal("AppPk", ed.Name);
        Assert.Equal(32, ed.PublicKey.Length);
        Assert.Equal(SdkVectorTests.EdPublicKey, ed.PublicKeyHex);

        var eth = TrustedKey.FromHex("Eth", SdkVectorTests.EthPublicKey, WalletType.Ethereum);
        Assert.Equal(64, eth.PublicKey.Length);
        var prefixed = TrustedKey.FromHex("Eth65", "0x04" + SdkVectorTests.EthPublicKey[2..], WalletType.Ethereum);
        Assert.Equal(65, prefixed.PublicKey.Length);
    }

    [Theory]
    [InlineData("ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c", WalletType.Arcblock)] // no 0x
    [InlineData("0xea4a", WalletType.Arcblock)]
    [InlineData("", WalletType.Arcblock)]
    [InlineData("0xea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c", WalletType.Ethereum)] // 32 bytes is not a secp256k1 key
    [InlineData("0x04" + "00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000001", WalletType.Ethereum)] // not on the curve
    public void Bad_public_keys_throw_FormatException_naming_the_key(string hex, WalletType type)
    {
        var e = Assert.Throws<FormatException>(() => TrustedKey.FromHex("TrustedKeys[3]", hex, type));
        Assert.Contains("TrustedKeys[3]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_bytes_are_copied()
    {
        var bytes = AppKey.Generate().ToTrustedKey("x").PublicKey;
        var key = new TrustedKey("k", WalletType.Arcblock, bytes);
        bytes[0] ^= 0xFF;
        Assert.NotEqual(bytes[0], key.PublicKey[0]);
    }
}
