using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentEvents.Tests.Interop;

// The shape written by tests/interop/make-vectors.js (documented in tests/interop/README.md).

internal sealed record VectorFile(JsonElement Meta, IReadOnlyList<InteropVector> Vectors);

internal sealed record InteropVector
{
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public required string Category { get; init; }
    public string? Description { get; init; }

    // kind == "request"
    public string? WalletType { get; init; }
    public string? ReceiverWalletType { get; init; }
    public string? Version { get; init; }
    public string? Method { get; init; }
    public string? Path { get; init; }
    public IReadOnlyList<string> AlternatePaths { get; init; } = [];
    public string? Query { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public string? BodyBase64 { get; init; }
    public IReadOnlyList<string> PublicKeys { get; init; } = [];
    public VectorSigner? Signer { get; init; }
    public long NowUnixMs { get; init; }
    public VectorReceiver? Receiver { get; init; }
    public VectorExpectation? Expected { get; init; }

    // both: for requests the string the SDK signed, for canonical cases the oracle's output
    public string? Canonical { get; init; }

    // kind == "canonical"
    public string? Input { get; init; }
    public string? InputBase64 { get; init; }
    public string? CanonicalBase64 { get; init; }
    public bool Error { get; init; }
    public CanonicalQuirk? Quirk { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; init; }

    public byte[] Body => Convert.FromBase64String(BodyBase64 ?? string.Empty);

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public override string ToString() => Name;
}

internal sealed record VectorSigner(string PublicKey, string SecretKey, string? Method, string? Path, string? Query, double? Iat, double? Exp);

internal sealed record VectorReceiver(bool AllowV0, double ClockSkewSeconds, double MaxValiditySeconds);

internal sealed record VectorExpectation(bool Valid, int SdkStatus, string Reason, string Check, VectorQuirk? Quirk);

/// <summary>A text JSON.parse refuses but the SDK's stack accepts (as <see cref="AcceptedCanonical"/>).</summary>
internal sealed record CanonicalQuirk(string Note, string AcceptedCanonical, string AcceptedCanonicalBase64);

/// <summary>SDK behaviour a receiver may deliberately not copy; <see cref="ReceiverMayReturn"/> lists acceptable statuses.</summary>
internal sealed record VectorQuirk(string Note, IReadOnlyList<string> ReceiverMayReturn);

internal static class InteropVectors
{
    private static readonly Lazy<IReadOnlyList<InteropVector>> AllVectors = new(Load);

    public static IReadOnlyList<InteropVector> All => AllVectors.Value;

    public static string VectorDirectory => System.IO.Path.Combine(AppContext.BaseDirectory, "vectors");

    public static InteropVector Get(string name) => All.Single(v => v.Name == name);

    public static IEnumerable<InteropVector> Requests => All.Where(v => v.Kind == "request");

    public static IEnumerable<InteropVector> CanonicalCases => All.Where(v => v.Kind == "canonical");

    private static List<InteropVector> Load()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var list = new List<InteropVector>();
        if (!Directory.Exists(VectorDirectory))
        {
            return list;
        }

        foreach (var file in Directory.EnumerateFiles(VectorDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            var parsed = JsonSerializer.Deserialize<VectorFile>(File.ReadAllBytes(file), options)
                ?? throw new InvalidDataException($"{file} is empty");
            list.AddRange(parsed.Vectors);
        }

        return list;
    }
}
