using System.Text;
using PaymentEvents.Protocol;

namespace PaymentEvents.Tests.Protocol;

// Edges of the canonical writer's fast paths (raw-byte comparison of unescaped ASCII keys, UTF-16
// comparison of every other key, mixed comparisons, 8-byte key prefixes, the sorted-object shortcut).
// Every expected string was produced by the real json-stable-stringify 1.3.0 (tests/interop
// node_modules) over JSON.parse of the input, so a fast path cannot silently diverge from it.
public sealed class CanonicalJsonFastPathTests
{
    private static string Canon(string json) => Encoding.UTF8.GetString(CanonicalJson.ToCanonicalBytes(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("{\"k00\":0,\"k01\":1,\"k02\":2,\"k03\":3,\"k04\":4,\"k05\":5,\"k06\":6,\"k07\":7,\"k08\":8,\"k09\":9,\"k10\":10,\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":14,\"k15\":15,\"k16\":16,\"k17\":17,\"k18\":18,\"k19\":19,\"k20\":20,\"k21\":21,\"k22\":22,\"k23\":23,\"k24\":24,\"k25\":25,\"k26\":26,\"k27\":27,\"k28\":28,\"k29\":29,\"k29\":30}", "{\"k00\":0,\"k01\":1,\"k02\":2,\"k03\":3,\"k04\":4,\"k05\":5,\"k06\":6,\"k07\":7,\"k08\":8,\"k09\":9,\"k10\":10,\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":14,\"k15\":15,\"k16\":16,\"k17\":17,\"k18\":18,\"k19\":19,\"k20\":20,\"k21\":21,\"k22\":22,\"k23\":23,\"k24\":24,\"k25\":25,\"k26\":26,\"k27\":27,\"k28\":28,\"k29\":30}")]
    [InlineData("{\"current_period_start\":1,\"current_period_end\":2,\"current_period_e\":3,\"current_period_end\\u0000\":4,\"current_period_end\\u007f\":5,\"current_period_end~\":6,\"current_period_en\\u00e9\":7}", "{\"current_period_e\":3,\"current_period_end\":2,\"current_period_end\\u0000\":4,\"current_period_end~\":6,\"current_period_end\u007F\":5,\"current_period_en\u00E9\":7,\"current_period_start\":1}")]
    [InlineData("{\"b\":1,\"\\uFF61\":2,\"\uD83D\uDE00\":3,\"\\u0041\":4,\"A0\":5,\"a\":6,\"\uFF61\":7,\"\\ud83d\\ude00x\":8}", "{\"A\":4,\"A0\":5,\"a\":6,\"b\":1,\"\uD83D\uDE00\":3,\"\uD83D\uDE00x\":8,\"\uFF61\":7}")]
    [InlineData("{\"A\":1,\"\\u0041\":2}", "{\"A\":2}")]
    [InlineData("{\"\\u0041\":1,\"A\":2}", "{\"A\":2}")]
    [InlineData("{\"abcdefgh\":1,\"abcdefghi\":2,\"abcdefgh0\":3,\"abcdefg\":4,\"abcdefga\":5,\"abcdefg\\u0068i\":6,\"abcdefgh\":7,\"abcdefg~\":8}", "{\"abcdefg\":4,\"abcdefga\":5,\"abcdefgh\":7,\"abcdefgh0\":3,\"abcdefghi\":6,\"abcdefg~\":8}")]
    [InlineData("{\"\uE000\":1,\"\uD83D\uDE00\":2,\"~\":3,\"\\u007f\":4,\"\u0080\":5,\"\uFFFF\":6}", "{\"~\":3,\"\u007F\":4,\"\u0080\":5,\"\uD83D\uDE00\":2,\"\uE000\":1,\"\uFFFF\":6}")]
    [InlineData("{\"a\":1,\"b\":2,\"b\":3,\"c\":{\"x\":1,\"y\":2,\"y\":3}}", "{\"a\":1,\"b\":3,\"c\":{\"x\":1,\"y\":3}}")]
    [InlineData("{\"\\u0041k0\":0,\"\uFF611\":1,\"\uD83D\uDE002\":2,\"Vk3\":3,\"]k4\":4,\"\\u0046k5\":5,\"\uFF612\":6,\"\uD83D\uDE001\":7,\"[k1\":8,\"Dk2\":9,\"\\u004bk3\":10,\"\uFF613\":11,\"\uD83D\uDE000\":12,\"Bk6\":13,\"Ik0\":14,\"\\u0050k1\":15,\"\uFF610\":16,\"\uD83D\uDE002\":17,\"Gk4\":18,\"Nk5\":19,\"\\u0055k6\":20,\"\uFF611\":21,\"\uD83D\uDE001\":22,\"Lk2\":23,\"Sk3\":24,\"\\u005ak4\":25,\"\uFF612\":26,\"\uD83D\uDE000\":27,\"Qk0\":28,\"Xk1\":29}", "{\"Ak0\":0,\"Bk6\":13,\"Dk2\":9,\"Fk5\":5,\"Gk4\":18,\"Ik0\":14,\"Kk3\":10,\"Lk2\":23,\"Nk5\":19,\"Pk1\":15,\"Qk0\":28,\"Sk3\":24,\"Uk6\":20,\"Vk3\":3,\"Xk1\":29,\"Zk4\":25,\"[k1\":8,\"]k4\":4,\"\uD83D\uDE000\":27,\"\uD83D\uDE001\":22,\"\uD83D\uDE002\":17,\"\uFF610\":16,\"\uFF611\":21,\"\uFF612\":26,\"\uFF613\":11}")]
    // 45 ASCII members (prefix-pair merge sort): shared 8-byte prefixes, short keys, repeated keys.
    [InlineData("{\"current_period_start\":0,\"cancel_at\":1,\"customer_id\":2,\"abcdefgh\":3,\"current_period_end\":4,\"cancel_at_period_end\":5,\"collection_method\":6,\"abcdefghA\":7,\"current_period\":8,\"canceled_at\":9,\"a\":10,\"abcdefgh_\":11,\"current_perioe\":12,\"created_at\":13,\"A\":14,\"Z\":15,\"current\":16,\"currency_id\":17,\"_\":18,\"current_perioe\":19,\"created_at\":20,\"Z\":21,\"current\":22,\"_\":23,\"current_period_start\":24,\"customer_id\":25,\"abcdefgh\":26,\"cancel_at_period_end\":27,\"collection_method\":28,\"current_period\":29,\"canceled_at\":30,\"abcdefgh_\":31,\"cancel_at_period_end\":32,\"abcdefghA\":33,\"current_period\":34,\"a\":35,\"abcdefgh_\":36,\"created_at\":37,\"A\":38,\"current\":39,\"currency_id\":40,\"current_period_start\":41,\"cancel_at\":42,\"abcdefgh\":43,\"current_period_end\":44}", "{\"A\":38,\"Z\":21,\"_\":23,\"a\":35,\"abcdefgh\":43,\"abcdefghA\":33,\"abcdefgh_\":36,\"cancel_at\":42,\"cancel_at_period_end\":32,\"canceled_at\":30,\"collection_method\":28,\"created_at\":37,\"currency_id\":40,\"current\":39,\"current_period\":34,\"current_period_end\":44,\"current_period_start\":41,\"current_perioe\":19,\"customer_id\":25}")]
    public void Key_order_and_duplicates_match_json_stable_stringify(string input, string expected) => Assert.Equal(expected, Canon(input));
}
