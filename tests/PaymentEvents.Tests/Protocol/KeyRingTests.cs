using PaymentEvents.Protocol;

namespace PaymentEvents.Tests.Protocol;

public sealed class KeyRingTests
{
    [Fact]
    public void Configuration_ring_puts_AppPk_first_then_trusted_keys()
    {
        var rotated = AppKey.Generate();
        var ring = KeyRing.FromConfiguration(WalletType.Arcblock, SdkVectorTests.EdPublicKey, [null, rotated.PublicKeyHex]);
        Assert.Equal(["PaymentKit:AppPk", "PaymentKit:TrustedKeys:1"], ring.Keys.Select(k => k.Name));
        Assert.Equal(SdkVectorTests.EdPublicKey, ring.Keys[0].PublicKeyHex);
        Assert.Equal(rotated.PublicKeyHex, ring.Keys[1].PublicKeyHex);
    }

    [Fact]
    public void Without_AppPk_the_public_key_comes_from_AppSk()
    {
        var ring = KeyRing.FromConfiguration(WalletType.Arcblock, null, null, SdkVectorTests.EdSecretKey);
        Assert.Equal(SdkVectorTests.EdPublicKey, Assert.Single(ring.Keys).PublicKeyHex);

        var eth = KeyRing.FromConfiguration(WalletType.Ethereum, "", null, SdkVectorTests.EthSecretKey);
        Assert.Equal(SdkVectorTests.EthPublicKey, Assert.Single(eth.Keys).PublicKeyHex);
    }

    [Fact]
    public void Errors_name_the_configuration_key()
    {
        Assert.Contains("PaymentKit:AppPk", Assert.Throws<FormatException>(() => KeyRing.FromConfiguration(WalletType.Arcblock, "0x1234")).Message, StringComparison.Ordinal);
        Assert.Contains("PaymentKit:TrustedKeys:0", Assert.Throws<FormatException>(() => KeyRing.FromConfiguration(WalletType.Arcblock, SdkVectorTests.EdPublicKey, ["nope"])).Message, StringComparison.Ordinal);
        Assert.Contains("PaymentKit:AppSk", Assert.Throws<FormatException>(() => KeyRing.FromConfiguration(WalletType.Arcblock, null, null, "0x12")).Message, StringComparison.Ordinal);
        Assert.Contains("PaymentKit:AppPk", Assert.Throws<FormatException>(() => KeyRing.FromConfiguration(WalletType.Arcblock, null)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, WalletType.Arcblock)]
    [InlineData("", WalletType.Arcblock)]
    [InlineData("arcblock", WalletType.Arcblock)]
    [InlineData("Default", WalletType.Arcblock)]
    [InlineData("ethereum", WalletType.Ethereum)]
    [InlineData(" ETH ", WalletType.Ethereum)]
    public void Wallet_type_names_follow_the_sdk(string? value, WalletType expected) => Assert.Equal(expected, WalletTypes.Parse(value));

    [Fact]
    public void Unknown_wallet_type_names_the_key()
    {
        var e = Assert.Throws<FormatException>(() => WalletTypes.Parse("solana"));
        Assert.Contains("PaymentKit:WalletType", e.Message, StringComparison.Ordinal);
        Assert.Equal("ethereum", WalletType.Ethereum.ToConfigValue());
    }
}
