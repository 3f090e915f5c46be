using System.Buffers;
using System.Text;
using PaymentEvents.Protocol;

namespace PaymentEvents.Tests.Protocol;

// Expected strings follow the docs/protocol.md §3 rules; the ones marked "real package" were produced once by
// json-stable-stringify 1.3.0 (the version @blocklet/sdk@1.17.12 resolves) over JSON.parse of the input.
public sealed class CanonicalJsonTests
{
    private static string Canon(string json) => Encoding.UTF8.GetString(CanonicalJson.ToCanonicalBytes(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("{\"b\":1,\"a\":2}", "{\"a\":2,\"b\":1}")]
    [InlineData("{\"b\":{\"d\":1,\"c\":2},\"a\":[{\"z\":1,\"y\":2}]}", "{\"a\":[{\"y\":2,\"z\":1}],\"b\":{\"c\":2,\"d\":1}}")]
    [InlineData("{\"aa\":1,\"a\":2,\"\":3,\"B\":4,\"b\":5}", "{\"\":3,\"B\":4,\"a\":2,\"aa\":1,\"b\":5}")]
    [InlineData("{\"10\":1,\"9\":2,\"1\":3}", "{\"1\":3,\"10\":1,\"9\":2}")] // strings, not numbers: "10" < "9"
    public void Keys_are_sorted_by_code_unit(string input, string expected) => Assert.Equal(expected, Canon(input));

    [Fact]
    public void Keys_sort_by_utf16_code_units_not_utf8_bytes()
    {
        // U+FFFF (one unit 0xFFFF) sorts after U+1F600 (surrogates 0xD83D..): the opposite of code point / UTF-8 order.
        // Real package: {"a":4,"😀":1,"":3,"￿":2}
        Assert.Equal("{\"a\":4,\"😀\":1,\"\uE000\":3,\"\uFFFF\":2}", Canon("{\"\\uffff\":2,\"\\ud83d\\ude00\":1,\"\\ue000\":3,\"a\":4}"));
    }

    [Fact]
    public void Last_duplicate_key_wins()
    {
        Assert.Equal("{\"a\":3,\"b\":2}", Canon("{\"a\":1,\"b\":2,\"a\":3}"));
        Assert.Equal("{\"a\":{\"y\":1}}", Canon("{\"a\":{\"x\":1},\"a\":{\"y\":1}}"));
    }

    [Fact]
    public void Large_objects_sort_and_dedupe_like_small_ones()
    {
        // Enough keys to leave the insertion-sort path; every third key repeats later with a new value.
        var random = new Random(7);
        var keys = Enumerable.Range(0, 300).Select(i => $"k{random.Next(100000)}_{i % 100}").ToList();
        var members = new List<(string Key, int Value)>();
        for (var i = 0; i < keys.Count; i++)
        {
            members.Add((keys[i], i));
            if (i % 3 == 0)
            {
                members.Add((keys[i], -i));
            }
        }

        var shuffled = members.OrderBy(_ => random.Next()).ToList();
        var input = "{" + string.Join(',', shuffled.Select(m => $"\"{m.Key}\":{m.Value}")) + "}";
        var lastValue = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in shuffled)
        {
            lastValue[key] = value;
        }

        var expected = "{" + string.Join(',', lastValue.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{p.Value}")) + "}";
        Assert.Equal(expected, Canon(input));
    }

    [Fact]
    public void Duplicate_keys_match_after_unescaping()
    {
        Assert.Equal("{\"é\":2}", Canon("{\"\\u00e9\":1,\"é\":2}"));
    }

    [Fact]
    public void Whitespace_is_removed_and_arrays_keep_order()
    {
        Assert.Equal("[3,1,{\"a\":[]},{}]", Canon(" [ 3 ,\n\t1 ,\r\n { \"a\" : [ ] } , { } ] "));
    }

    [Theory]
    [InlineData("\"a\\\"b\\\\c\\/d\"", "\"a\\\"b\\\\c/d\"")] // \/ is just '/'
    [InlineData("\"\\b\\f\\n\\r\\t\"", "\"\\b\\f\\n\\r\\t\"")]
    [InlineData("\"\\u0000\\u0001\\u001F\\u000b\"", "\"\\u0000\\u0001\\u001f\\u000b\"")] // lower-case hex
    [InlineData("\"\\u007f\\u0080\"", "\"\u007f\u0080\"")] // DEL and C1 controls are literal
    [InlineData("\"<>&'\"", "\"<>&'\"")]
    [InlineData("\"\\u003c\\u003E\\u0026\\u0027\"", "\"<>&'\"")]
    [InlineData("\"\\u2028\\u2029\"", "\"\u2028\u2029\"")]
    [InlineData("\"caf\\u00e9 \\u4e2d\"", "\"café 中\"")]
    [InlineData("\"\\ud83d\\ude00\"", "\"😀\"")] // escaped pair becomes the literal emoji
    [InlineData("\"😀\"", "\"😀\"")]
    public void Strings_are_written_as_JSON_stringify_writes_them(string input, string expected) => Assert.Equal(expected, Canon(input));

    [Theory]
    [InlineData("\"\\ud800\"", "\"\\ud800\"")]
    [InlineData("\"\\uDC00x\"", "\"\\udc00x\"")]
    [InlineData("\"\\ude00\\ud83d\"", "\"\\ude00\\ud83d\"")] // reversed pair: two lone surrogates
    [InlineData("\"a\\uD83Db\"", "\"a\\ud83db\"")]
    public void Lone_surrogates_are_escaped_lower_case(string input, string expected) => Assert.Equal(expected, Canon(input));

    [Fact]
    public void Lone_surrogate_keys_sort_by_their_code_unit()
    {
        // Real package: {"\ud800":1,"\udc00":2,"￿":3}
        Assert.Equal("{\"\\ud800\":1,\"\\udc00\":2,\"\uFFFF\":3}", Canon("{\"\\uffff\":3,\"\\udc00\":2,\"\\ud800\":1}"));
    }

    [Theory]
    [InlineData("1.0", "1")]
    [InlineData("1E2", "100")]
    [InlineData("1e+2", "100")]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("0.1", "0.1")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("999999999999999999999", "1e+21")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("1.5e-7", "1.5e-7")]
    [InlineData("12345678901234567890", "12345678901234567000")]
    [InlineData("123456789012345680000", "123456789012345680000")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("0.30000000000000004", "0.30000000000000004")]
    [InlineData("100e-2", "1")]
    [InlineData("-1.25E-10", "-1.25e-10")]
    [InlineData("5e-324", "5e-324")]
    [InlineData("1.7976931348623157e308", "1.7976931348623157e+308")]
    [InlineData("1e400", "null")] // Infinity, which JSON.stringify writes as null
    [InlineData("-1e400", "null")]
    [InlineData("1e-400", "0")]
    [InlineData("123", "123")]
    [InlineData("-123456789012345", "-123456789012345")]
    public void Numbers_follow_JavaScript_Number_toString(string input, string expected) => Assert.Equal(expected, Canon(input));

    [Theory]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData("[true,false,null]", "[true,false,null]")]
    public void Literals_are_kept(string input, string expected) => Assert.Equal(expected, Canon(input));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"a\":1,}")] // trailing comma
    [InlineData("[1,]")]
    [InlineData("// c\n{}")] // comment
    [InlineData("{} /* c */")]
    [InlineData("{} {}")] // two values
    [InlineData("{'a':1}")]
    [InlineData("{\"a\":01}")]
    [InlineData("NaN")]
    [InlineData("\"\\x41\"")]
    [InlineData("\"tab\tinside\"")] // raw control character
    [InlineData("{\"a\" 1}")]
    public void Not_JSON_is_refused(string input)
    {
        Assert.Throws<FormatException>(() => CanonicalJson.ToCanonicalBytes(Encoding.UTF8.GetBytes(input)));
        Assert.False(CanonicalJson.TryWrite(Encoding.UTF8.GetBytes(input), new ArrayBufferWriter<byte>()));
    }

    [Fact]
    public void Deep_nesting_is_accepted()
    {
        const int depth = 2000;
        var json = new string('[', depth) + "1" + new string(']', depth);
        Assert.Equal(json, Canon(json));

        var objects = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            objects.Append("{\"b\":0,\"a\":");
        }

        objects.Append("null").Append('}', depth);
        var expected = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "null" + string.Concat(Enumerable.Repeat(",\"b\":0}", depth));
        Assert.Equal(expected, Canon(objects.ToString()));
    }

    [Fact]
    public void Nesting_past_the_bound_is_refused_not_a_stack_overflow()
    {
        // JSON.parse has no depth limit, but json-stable-stringify recurses; past 4096 levels we refuse.
        const int depth = 5000;
        var json = Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
        Assert.Throws<FormatException>(() => CanonicalJson.ToCanonicalBytes(json));
    }

    [Fact]
    public void A_leading_byte_order_mark_is_ignored()
    {
        byte[] input = [0xEF, 0xBB, 0xBF, .. "{\"b\":1,\"a\":2}"u8];
        Assert.Equal("{\"a\":2,\"b\":1}", Encoding.UTF8.GetString(CanonicalJson.ToCanonicalBytes(input)));
    }

    [Fact]
    public void Invalid_utf8_inside_strings_and_keys_becomes_replacement_characters()
    {
        // Node decodes the body as UTF-8 with U+FFFD replacement before JSON.parse (checked against the real package).
        byte[] value = [(byte)'"', (byte)'a', 0xFF, (byte)'b', (byte)'"'];
        Assert.Equal("\"a\uFFFDb\"", Encoding.UTF8.GetString(CanonicalJson.ToCanonicalBytes(value)));
        byte[] key = [(byte)'{', (byte)'"', (byte)'a', 0xC3, (byte)'"', (byte)':', (byte)'1', (byte)'}'];
        Assert.Equal("{\"a\uFFFD\":1}", Encoding.UTF8.GetString(CanonicalJson.ToCanonicalBytes(key)));
    }

    [Fact]
    public void TryWrite_appends_to_the_writer()
    {
        var writer = new ArrayBufferWriter<byte>();
        writer.Write("x"u8);
        Assert.True(CanonicalJson.TryWrite("{ \"b\" : [1.50] , \"a\" : \"\\u0041\" }"u8, writer));
        Assert.Equal("x{\"a\":\"A\",\"b\":[1.5]}", Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void A_realistic_event_matches_the_real_package()
    {
        // Real package output for this body (JSON.stringify of an event, then stable-stringify of JSON.parse).
        const string body = "{\"id\":\"evt_T2UiJ2VHUxVo3J6BuULkrp15\",\"type\":\"customer.subscription.renewed\",\"livemode\":true,\"data\":{\"object\":{\"id\":\"sub_1\",\"amount\":\"1000000000000000000\",\"ratio\":0.1,\"big\":12345678901234567000,\"note\":\"café <b> & \u2028 😀\"}},\"created_at\":\"2025-02-19T03:46:42.662Z\"}";
        const string expected = "{\"created_at\":\"2025-02-19T03:46:42.662Z\",\"data\":{\"object\":{\"amount\":\"1000000000000000000\",\"big\":12345678901234567000,\"id\":\"sub_1\",\"note\":\"café <b> & \u2028 😀\",\"ratio\":0.1}},\"id\":\"evt_T2UiJ2VHUxVo3J6BuULkrp15\",\"livemode\":true,\"type\":\"customer.subscription.renewed\"}";
        Assert.Equal(expected, Canon(body));
    }
}
