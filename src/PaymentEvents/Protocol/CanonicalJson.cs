using System.Buffers;

namespace PaymentEvents.Protocol;

// CONTRACT STUB (skeleton): owned by the protocol helper.

/// <summary>
/// <c>json-stable-stringify</c> 1.x of <c>JSON.parse(text)</c>, bit-exact (PROTOCOL §3, "CANON").
/// </summary>
public static class CanonicalJson
{
    /// <summary>Writes the canonical form of <paramref name="utf8Json"/>; false (nothing useful written) when it is not JSON.</summary>
    public static bool TryWrite(ReadOnlySpan<byte> utf8Json, IBufferWriter<byte> output) => throw new NotImplementedException();

    /// <summary>The canonical bytes; throws <see cref="FormatException"/> when the input is not JSON.</summary>
    public static byte[] ToCanonicalBytes(ReadOnlySpan<byte> utf8Json) => throw new NotImplementedException();
}
