using PaymentEvents.Protocol.Json;

namespace PaymentEvents.Tests.Protocol;

// The SDK reads x-component-sig-iat/exp with Number(header) (lib/util/verify-sign.js getVerifyData).
public sealed class JsNumberTests
{
    [Theory]
    [InlineData("1700000000", 1700000000d)]
    [InlineData(" 1700000000\t", 1700000000d)]
    [InlineData("", 0d)]
    [InlineData("  ", 0d)]
    [InlineData("1.7e9", 1700000000d)]
    [InlineData("+5", 5d)]
    [InlineData("-5", -5d)]
    [InlineData(".5", 0.5d)]
    [InlineData("5.", 5d)]
    [InlineData("0x10", 16d)]
    [InlineData("0X1f", 31d)]
    [InlineData("0b101", 5d)]
    [InlineData("0o17", 15d)]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    public void FromString_follows_Number(string text, double expected) => Assert.Equal(expected, JsNumber.FromString(text));

    [Theory]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("12abc")]
    [InlineData("1,000")]
    [InlineData("-0x10")]
    [InlineData("0x")]
    [InlineData("1e")]
    [InlineData(".")]
    [InlineData("infinity")]
    [InlineData("1 2")]
    public void FromString_is_NaN_where_Number_is(string? text) => Assert.True(double.IsNaN(JsNumber.FromString(text)));

    [Theory]
    [InlineData(1700000000d, "1700000000")]
    [InlineData(0.5d, "0.5")]
    [InlineData(-0d, "0")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(123e-20, "1.23e-18")]
    [InlineData(double.NaN, "null")]
    [InlineData(double.PositiveInfinity, "null")]
    public void ToJsString_matches_JSON_stringify(double value, string expected) => Assert.Equal(expected, JsNumber.ToJsString(value));
}
