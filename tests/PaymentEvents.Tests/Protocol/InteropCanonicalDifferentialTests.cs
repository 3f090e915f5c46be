using System.Text;
using CsCheck;
using PaymentEvents.Protocol;
using PaymentEvents.Tests.Interop;

namespace PaymentEvents.Tests.Protocol;

/// <summary>
/// Differential test of <see cref="CanonicalJson"/> against the real <c>json-stable-stringify</c>
/// over <c>JSON.parse</c> (docs/protocol.md §3 "CANON"): thousands of CsCheck-generated JSON texts go
/// through ONE node process (tests/interop/canon-server.js) as a pipelined batch, and every
/// output must be byte-identical.
/// </summary>
public sealed class InteropCanonicalDifferentialTests
{
    private const int Documents = 4000;

    [Fact]
    public async Task Canonical_json_is_byte_identical_to_json_stable_stringify()
    {
        InteropTool.RequireInstalled();
        var texts = JsonTextGen.Document.Array[Documents].Single();
        var oracle = await RunOracleAsync(texts);
        Assert.Equal(texts.Length, oracle.Count);

        var failures = new List<int>();
        for (var i = 0; i < texts.Length; i++)
        {
            var expected = oracle[i];
            var actual = CSharp(texts[i]);
            var bothRefused = expected.StartsWith("ERR", StringComparison.Ordinal) && actual.StartsWith("ERR", StringComparison.Ordinal);
            if (!bothRefused && expected != actual)
            {
                failures.Add(i);
            }
        }

        if (failures.Count > 0)
        {
            // Shortest inputs first: they are the easiest to reason about.
            var shown = failures.OrderBy(i => texts[i].Length).Take(5).Select(i =>
                $"input:  {JsonTextGen.Printable(texts[i])}\n  node: {Decode(oracle[i])}\n  C#:   {Decode(CSharp(texts[i]))}");
            Assert.Fail($"{failures.Count} of {texts.Length} documents canonicalise differently from json-stable-stringify:\n{string.Join("\n", shown)}");
        }
    }

    [Fact]
    public async Task Oracle_is_the_real_json_stable_stringify()
    {
        // Guards the oracle itself: known outputs from docs/protocol.md §3.
        string[] inputs = ["{\"b\":1,\"a\":[1.0,-0,1e21,1E2,0.0000001]}", "{\"\uFF61\":1,\"\U0001F600\":2}", "[\"\\ud800\",\"\u2028\"]", "{"];
        var oracle = await RunOracleAsync(inputs);
        Assert.Equal("{\"a\":[1,0,1e+21,100,1e-7],\"b\":1}", Raw(oracle[0]));
        Assert.Equal("{\"\U0001F600\":2,\"\uFF61\":1}", Raw(oracle[1]));
        Assert.Equal("[\"\\ud800\",\"\u2028\"]", Raw(oracle[2]));
        Assert.StartsWith("ERR", oracle[3], StringComparison.Ordinal);
    }

    private static string CSharp(string text)
    {
        try
        {
            return "OK " + Convert.ToBase64String(CanonicalJson.ToCanonicalBytes(Encoding.UTF8.GetBytes(text)));
        }
        catch (FormatException e)
        {
            return "ERR " + e.Message;
        }
    }

    private static string Raw(string line) => Encoding.UTF8.GetString(Convert.FromBase64String(line[3..]));

    private static string Decode(string line) =>
        line.StartsWith("OK ", StringComparison.Ordinal)
            ? JsonTextGen.Printable(Encoding.UTF8.GetString(Convert.FromBase64String(line[3..])))
            : line;

    /// <summary>Pipelines every text through one canon-server.js process; one output line per input.</summary>
    private static async Task<List<string>> RunOracleAsync(string[] texts)
    {
        using var process = InteropTool.StartNode("canon-server.js");
        var stderr = process.StandardError.ReadToEndAsync();
        var writer = Task.Run(async () =>
        {
            var stdin = process.StandardInput;
            foreach (var t in texts)
            {
                await stdin.WriteLineAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(t)));
            }

            stdin.Close();
        });

        var lines = new List<string>(texts.Length);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            lines.Add(line);
        }

        await writer;
        await process.WaitForExitAsync(cts.Token);
        Assert.True(process.ExitCode == 0, $"canon-server.js exited {process.ExitCode}: {await stderr}");
        return lines;
    }
}
