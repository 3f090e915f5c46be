namespace PaymentEvents.Protocol.Crypto;

/// <summary>
/// The <c>0x</c>-hex text of keys and signatures (docs/protocol.md §3). Like <c>@ocap/util</c>'s
/// <c>isHexStrict</c>, the prefix is required and either case of digits is accepted.
/// </summary>
internal static class Hex
{
    /// <summary>Decodes <c>0x</c>-hex into <paramref name="destination"/>; false when malformed or too long.</summary>
    public static bool TryDecodePrefixed(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        if (text.Length < 2 || text[0] != '0' || (text[1] | 0x20) != 'x')
        {
            return false;
        }

        var digits = text[2..];
        if (digits.Length % 2 != 0 || digits.Length / 2 > destination.Length)
        {
            return false;
        }

        return Convert.FromHexString(digits, destination, out _, out written) == System.Buffers.OperationStatus.Done;
    }

    /// <summary>Decodes <c>0x</c>-hex; throws <see cref="FormatException"/> naming <paramref name="what"/>.</summary>
    public static byte[] DecodePrefixed(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException($"{what} is empty; expected 0x followed by hex digits.");
        }

        var trimmed = text.Trim();
        var bytes = new byte[Math.Max(0, (trimmed.Length - 2) / 2)];
        if (!TryDecodePrefixed(trimmed, bytes, out var written) || written != bytes.Length)
        {
            throw new FormatException($"{what} is not 0x followed by an even number of hex digits.");
        }

        return bytes;
    }

    public static string EncodePrefixed(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
