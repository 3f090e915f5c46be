using System.Text;
using PaymentEvents.Protocol;

namespace PaymentEvents.Tests.Protocol;

// Expected values: json-stable-stringify(qs.parse(query)) from qs 6.17.1, the version @blocklet/sdk@1.17.12
// resolves, run once over each input (the simple ones also follow from docs/protocol.md §3).
public sealed class QueryStringTests
{
    private static string Canon(string? query) => Encoding.UTF8.GetString(CanonicalJson.QueryToCanonicalBytes(query));

    [Theory]
    [InlineData(null, "{}")]
    [InlineData("", "{}")]
    [InlineData("?", "{\"?\":\"\"}")] // the caller strips the '?' that starts the query; qs keeps any other
    [InlineData("a=1&b=2", "{\"a\":\"1\",\"b\":\"2\"}")]
    [InlineData("?a=1", "{\"?a\":\"1\"}")]
    [InlineData("livemode=true&page=1&size=100", "{\"livemode\":\"true\",\"page\":\"1\",\"size\":\"100\"}")]
    [InlineData("b=2&a=1", "{\"a\":\"1\",\"b\":\"2\"}")]
    public void Flat_pairs_become_string_members(string? query, string expected) => Assert.Equal(expected, Canon(query));

    [Theory]
    [InlineData("a+b=c+d%20e", "{\"a b\":\"c d e\"}")]
    [InlineData("q=caf%C3%A9", "{\"q\":\"café\"}")]
    [InlineData("q=%F0%9F%98%80", "{\"q\":\"😀\"}")]
    [InlineData("q=%2B", "{\"q\":\"+\"}")]
    [InlineData("q=%25", "{\"q\":\"%\"}")]
    [InlineData("q=%E0%A4%A", "{\"q\":\"%E0%A4%A\"}")] // malformed: decodeURIComponent throws, text kept
    [InlineData("q=%C0%AF", "{\"q\":\"%C0%AF\"}")] // overlong UTF-8
    [InlineData("q=%ED%A0%80", "{\"q\":\"%ED%A0%80\"}")] // encoded surrogate
    [InlineData("q=a%", "{\"q\":\"a%\"}")]
    [InlineData("q=a=b", "{\"q\":\"a=b\"}")]
    [InlineData("q=<>&r='", "{\"q\":\"<>\",\"r\":\"'\"}")]
    public void Values_are_decoded_like_qs(string query, string expected) => Assert.Equal(expected, Canon(query));

    [Theory]
    [InlineData("a", "{\"a\":\"\"}")]
    [InlineData("a=", "{\"a\":\"\"}")]
    [InlineData("a&b", "{\"a\":\"\",\"b\":\"\"}")]
    [InlineData("=x", "{}")]
    [InlineData("&&", "{}")]
    public void Missing_values_and_keys(string query, string expected) => Assert.Equal(expected, Canon(query));

    [Theory]
    [InlineData("a=1&a=2", "{\"a\":[\"1\",\"2\"]}")]
    [InlineData("a=1&a=2&a=3", "{\"a\":[\"1\",\"2\",\"3\"]}")]
    [InlineData("a[]=1&a[]=2", "{\"a\":[\"1\",\"2\"]}")]
    [InlineData("a%5B%5D=1&a%5b%5d=2", "{\"a\":[\"1\",\"2\"]}")]
    [InlineData("a[0]=x&a[2]=y", "{\"a\":[\"x\",\"y\"]}")]
    [InlineData("a[1]=b&a[0]=c", "{\"a\":[\"c\",\"b\"]}")]
    [InlineData("a[]=1&a=2", "{\"a\":[\"1\",\"2\"]}")]
    public void Repeated_keys_and_brackets_make_arrays(string query, string expected) => Assert.Equal(expected, Canon(query));

    [Theory]
    [InlineData("a[b]=1", "{\"a\":{\"b\":\"1\"}}")]
    [InlineData("a[b][c]=1&a[d]=2", "{\"a\":{\"b\":{\"c\":\"1\"},\"d\":\"2\"}}")]
    [InlineData("a[b][c][d][e][f][g]=1", "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"[g]\":\"1\"}}}}}}}")] // depth 5
    [InlineData("a=1&a[b]=2", "{\"a\":[\"1\",{\"b\":\"2\"}]}")]
    [InlineData("a[b]=1&a=2", "{\"a\":[{\"b\":\"1\"},\"2\"]}")]
    [InlineData("a.b=1", "{\"a.b\":\"1\"}")] // allowDots is off
    public void Brackets_nest_objects(string query, string expected) => Assert.Equal(expected, Canon(query));

    [Theory]
    [InlineData("a[21]=x", "{\"a\":{\"21\":\"x\"}}")] // past arrayLimit 20: an object
    [InlineData("a[20]=x", "{\"a\":{\"20\":\"x\"}}")]
    [InlineData("a[19]=x", "{\"a\":[\"x\"]}")]
    [InlineData("a[01]=x", "{\"a\":{\"01\":\"x\"}}")]
    [InlineData("a[-1]=x", "{\"a\":{\"-1\":\"x\"}}")]
    public void Array_limit_and_index_rules(string query, string expected) => Assert.Equal(expected, Canon(query));

    [Fact]
    public void More_than_twenty_repeats_overflow_into_an_indexed_object()
    {
        var query = string.Join('&', Enumerable.Range(0, 25).Select(i => $"a={i}"));
        var expected = "{\"a\":{" + string.Join(',', Enumerable.Range(0, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).Select(i => $"\"{i}\":\"{i}\"")) + "}}";
        Assert.Equal(expected, Canon(query));
    }

    [Fact]
    public void Only_the_first_thousand_parameters_count()
    {
        var query = string.Join('&', Enumerable.Range(0, 1005).Select(i => $"k{i}={i}"));
        var canon = Canon(query);
        Assert.Contains("\"k999\":\"999\"", canon, StringComparison.Ordinal);
        Assert.DoesNotContain("\"k1000\"", canon, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("__proto__=1", "{}")]
    [InlineData("toString=1&a=2", "{\"a\":\"2\"}")]
    [InlineData("a[constructor]=1", "{}")]
    [InlineData("a[__proto__]=1&b=2", "{\"b\":\"2\"}")]
    public void Prototype_keys_are_dropped(string query, string expected) => Assert.Equal(expected, Canon(query));
}
