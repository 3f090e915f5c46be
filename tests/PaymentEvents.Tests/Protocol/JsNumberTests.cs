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

    // Around the all-digits fast path (values from Node's Number()): leading zeros stay decimal,
    // 15 digits take the fast path, 16+ round through the double parser.
    [InlineData("0123", 123d)]
    [InlineData("00", 0d)]
    [InlineData("-0123", -123d)]
    [InlineData("123456789012345", 123456789012345d)]
    [InlineData("1234567890123456", 1234567890123456d)]
    [InlineData("9007199254740993", 9007199254740992d)]
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

    // Around the integer fast path (below 2^53); expected strings from Node's JSON.stringify.
    [InlineData(-42d, "-42")]
    [InlineData(9007199254740991d, "9007199254740991")]
    [InlineData(-9007199254740991d, "-9007199254740991")]
    [InlineData(9007199254740992d, "9007199254740992")]
    [InlineData(-9007199254740992d, "-9007199254740992")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(123456789.5, "123456789.5")]
    [InlineData(4503599627370495.5, "4503599627370495.5")]
    public void ToJsString_matches_JSON_stringify(double value, string expected) => Assert.Equal(expected, JsNumber.ToJsString(value));
}
