using System.Net;
using System.Text;
using CsCheck;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Events;
using PaymentEvents.Protocol;
using PaymentEvents.Receiver;
using PaymentEvents.Storage;

namespace PaymentEvents.Api.Tests.Hardening;

/// <summary>
/// Random and mutated deliveries through the real callback (the whole host, real SQLite): never a 5xx, never an
/// acknowledged event the processor cannot parse (it would go dead for a reason visible on arrival), and every
/// acknowledged event readable through the admin API.
/// </summary>
public sealed class DeliveryFuzzTests : IDisposable
{
    private const int Cases = 3000;

    private static readonly string[] Hostile =
    [
        "\\ud800", "\\udc00", "\\udbff\\udbff", "\\ud83d\\ude00", "\\u0000", "\\u001f", "\\u2028", "\\ufeff", "\\\\u0000", "é", "☕", "\U0001F600",
    ];

    private static readonly byte[][] HostileBytes = [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x00], [0xef, 0xbb, 0xbf]];

    private static readonly string[] Numbers =
    [
        "1e308", "-1e308", "1e999", "-0", "0.1e-400", "123456789012345678901234567890", "1E+2", "9007199254740993", "-9223372036854775809", "0.30000000000000004",
    ];

    private readonly ReceiverHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Random_and_mutated_deliveries_never_break_the_receiver_or_leave_an_unusable_event()
    {
        var client = _host.CreateClient();
        var admin = _host.CreateAdminClient();
        var accepted = 0;
        var gen = Gen.Select(Gen.Int[0, 9], Gen.Int, Gen.Int[0, 3]);

        await gen.SampleAsync(
            async (kind, seed, signMode) =>
            {
                var random = new Random(seed);
                var id = "evt_fz" + seed.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "_" + kind;
                var original = Encoding.UTF8.GetBytes(TestEvents.Json(id));
                var body = Mutate(kind, original, random);
                var headers = Sign(signMode, original, body, random);

                var response = await client.SendAsync(ReceiverHost.Delivery(body, ReceiverHost.CallbackPath, headers));
                var status = (int)response.StatusCode;
                var what = $"kind {kind}, seed {seed}, sign {signMode}: {status} {await response.Content.ReadAsStringAsync()}\nbody: {Show(body)}";

                Assert.True(status is 200 or 400 or 401 or 413, what);
                if (status != 200)
                {
                    return;
                }

                accepted++;
                Assert.True(DeliveryEnvelope.TryParse(body, out var envelope, out var error), what + "\n" + error);
                var stored = await _host.Store.GetAsync(envelope.Id, CancellationToken.None);
                Assert.NotNull(stored);

                // What the processor does first: parse the stored payload to the typed model.
                Assert.True(PaymentEventParser.TryParse(Encoding.UTF8.GetBytes(stored.Payload), out _, out var parseError), what + "\n" + parseError);

                // Readable through the admin API (ids holding '/' cannot be addressed by a path segment: see the note).
                if (!envelope.Id.Contains('/', StringComparison.Ordinal))
                {
                    var detail = await admin.GetAsync("/api/events/" + Uri.EscapeDataString(envelope.Id));
                    Assert.True(detail.StatusCode == HttpStatusCode.OK, what + $"\nGET: {(int)detail.StatusCode} {await detail.Content.ReadAsStringAsync()}");
                }
            },
            iter: Cases,
            threads: 1);

        // Nothing the processor has reached so far is dead (dead here could only mean "payload could not be parsed").
        var dead = await _host.Store.ListAsync(new EventQuery(Status: EventStatus.Dead, Limit: 10), CancellationToken.None);
        Assert.True(dead.Items.Count == 0, string.Join("\n", dead.Items.Select(e => $"{e.Id}: {e.LastError}")));
        Assert.True(accepted > Cases / 10, $"only {accepted} of {Cases} cases were acknowledged: the fuzz barely reaches the store");
    }

    private static byte[] Mutate(int kind, byte[] original, Random random)
    {
        var json = Encoding.UTF8.GetString(original);
        switch (kind)
        {
            case 0:
                return original;
            case 1: // flip bytes
                {
                    var copy = original.ToArray();
                    for (var n = random.Next(1, 4); n > 0; n--)
                    {
                        copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
                    }

                    return copy;
                }

            case 2: // insert bytes
                {
                    var at = random.Next(original.Length + 1);
                    var insert = random.Next(3) == 0 ? HostileBytes[random.Next(HostileBytes.Length)] : Encoding.UTF8.GetBytes(Hostile[random.Next(Hostile.Length)]);
                    return [.. original.AsSpan(0, at), .. insert, .. original.AsSpan(at)];
                }

            case 3: // truncate
                return original[..random.Next(original.Length)];
            case 4: // hostile Unicode in a string the receiver or the model reads
                {
                    string[] targets = ["\"id\":\"evt_", "\"object_id\":\"sub_", "\"type\":\"customer.", "\"status\":\"act", "\"note\":\"caf", "\"metadata\":{\""];
                    var target = targets[random.Next(targets.Length)];
                    var fragment = Hostile[random.Next(Hostile.Length)];
                    var text = json.Replace(target, target.EndsWith('{') ? target + fragment + "k\":1" + (random.Next(2) == 0 ? "," : "") + "\"" : target + fragment, StringComparison.Ordinal);
                    text = text.Replace(",\"}", "}", StringComparison.Ordinal).Replace("1\"}", "1}", StringComparison.Ordinal);
                    return Encoding.UTF8.GetBytes(text);
                }

            case 5: // extreme numbers
                {
                    var number = Numbers[random.Next(Numbers.Length)];
                    return Encoding.UTF8.GetBytes(random.Next(2) == 0
                        ? json.Replace("\"pending_webhooks\":1", "\"pending_webhooks\":" + number, StringComparison.Ordinal)
                        : json.Replace("\"amount\":\"1000000000000000000\"", "\"amount\":" + number, StringComparison.Ordinal));
                }

            case 6: // deep
                {
                    var depth = random.Next(1, 80);
                    var open = new StringBuilder();
                    var close = new StringBuilder();
                    for (var i = 0; i < depth; i++)
                    {
                        var array = random.Next(2) == 0;
                        open.Append(array ? "[" : "{\"d\":");
                        close.Insert(0, array ? "]" : "}");
                    }

                    return Encoding.UTF8.GetBytes(json.Replace("\"status\":\"active\"", "\"status\":\"active\",\"deep\":" + open + "1" + close, StringComparison.Ordinal));
                }

            case 7: // wide
                {
                    var members = string.Join(",", Enumerable.Range(0, random.Next(1, 5000)).Select(i => $"\"k{i}\":{i}"));
                    return Encoding.UTF8.GetBytes(json.Replace("\"metadata\":{}", "\"metadata\":{" + members + "}", StringComparison.Ordinal));
                }

            case 8: // duplicate keys: the last one wins, as in JSON.parse
                return Encoding.UTF8.GetBytes(json.Replace("{\"id\":\"", "{\"id\":\"evt_dup_" + random.Next(1000) + "\",\"type\":1,\"id\":\"", StringComparison.Ordinal));
            default: // whitespace and a BOM around the JSON
                return [.. (random.Next(2) == 0 ? new byte[] { 0xef, 0xbb, 0xbf } : " \r\n\t"u8.ToArray()), .. original, .. " \n"u8];
        }
    }

    private SignatureHeaders Sign(int mode, byte[] original, byte[] body, Random random)
    {
        switch (mode)
        {
            case 2: // signed before it was changed in transit
                return _host.Signer.SignV1("POST", ReceiverHost.CallbackPath, null, original);
            case 3: // garbage
                {
                    var signature = new byte[64];
                    random.NextBytes(signature);
                    return _host.Signer.SignV1("POST", ReceiverHost.CallbackPath, null, original) with { Signature = "0x" + Convert.ToHexString(signature) };
                }

            default: // a careless but genuine sender: signs exactly what it sends
                try
                {
                    return _host.Signer.SignV1("POST", ReceiverHost.CallbackPath, null, body);
                }
                catch (FormatException)
                {
                    return _host.Signer.SignV1("POST", ReceiverHost.CallbackPath, null, original);
                }
        }
    }

    private static string Show(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
