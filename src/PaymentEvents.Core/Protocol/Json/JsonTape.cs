using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace PaymentEvents.Protocol.Json;

internal enum TapeKind : byte
{
    Object,
    Array,
    PropertyName,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>One JSON token: offsets into the input, plus container bookkeeping.</summary>
/// <remarks>
/// Containers: <see cref="Count"/> members/elements and <see cref="End"/> = the tape index after the
/// last descendant. Property names are sorted by UTF-16 code units (docs/protocol.md §3). An unescaped pure
/// ASCII key (<see cref="AsciiKey"/>, nearly every key) is compared as its raw bytes, whose order is
/// the same, via <see cref="KeyPrefix"/>; any other key is decoded to UTF-16 at
/// <see cref="KeyOffset"/>/<see cref="KeyLength"/> and compared on that.
/// </remarks>
internal struct TapeToken
{
    public TapeKind Kind;

    /// <summary>String or key that cannot be copied verbatim (escapes or invalid UTF-8).</summary>
    public bool NeedsRewrite;

    public int Start;

    public int Length;

    public int Count;

    public int End;

    public int KeyOffset;

    public int KeyLength;

    /// <summary>Property name with no escapes, all ASCII: its raw bytes are its UTF-16 code units.</summary>
    public bool AsciiKey;

    /// <summary>ASCII keys: the first 8 bytes big-endian, zero-padded, so most comparisons are one integer compare.</summary>
    public ulong KeyPrefix;
}

/// <summary>
/// A flat token list built in one <see cref="Utf8JsonReader"/> pass over the raw UTF-8 body, with
/// pooled storage; the canonical writer walks it without re-reading the input.
/// </summary>
internal ref struct JsonTape
{
    /// <summary>Nesting JSON.parse accepts happily; far beyond any event, still bounded (the receiver's one limit).</summary>
    public const int MaxDepth = Events.PaymentEventParser.MaxDepth;

    private TapeToken[] _tokens;
    private char[] _keys;
    private int[] _open;

    public JsonTape()
    {
        _tokens = ArrayPool<TapeToken>.Shared.Rent(256);
        _keys = ArrayPool<char>.Shared.Rent(1024);
        _open = ArrayPool<int>.Shared.Rent(32);
    }

    public int TokenCount { get; private set; }

    public readonly ReadOnlySpan<TapeToken> Tokens => _tokens.AsSpan(0, TokenCount);

    public readonly ReadOnlySpan<char> KeyChars => _keys;

    public readonly ReadOnlySpan<char> Key(in TapeToken token) => _keys.AsSpan(token.KeyOffset, token.KeyLength);

    /// <summary>Tape index after the value starting at <paramref name="index"/>.</summary>
    public readonly int EndOf(int index) => _tokens[index].Kind is TapeKind.Object or TapeKind.Array ? _tokens[index].End : index + 1;

    /// <summary>Reads all of <paramref name="json"/>; false when it is not exactly one JSON value.</summary>
    public bool TryBuild(ReadOnlySpan<byte> json)
    {
        TokenCount = 0;
        var keyLength = 0;
        var depth = 0;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            MaxDepth = MaxDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });

        try
        {
            while (reader.Read())
            {
                if (TokenCount == _tokens.Length)
                {
                    Grow(ref _tokens, TokenCount + 1);
                }

                ref var token = ref _tokens[TokenCount];
                token = default;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        CountInParent(depth);
                        token.Kind = reader.TokenType == JsonTokenType.StartObject ? TapeKind.Object : TapeKind.Array;
                        if (depth == _open.Length)
                        {
                            Grow(ref _open, depth + 1);
                        }

                        _open[depth++] = TokenCount;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        _tokens[_open[--depth]].End = TokenCount;
                        continue; // no token of its own
                    case JsonTokenType.PropertyName:
                        CountInParent(depth, isPropertyName: true);
                        token.Kind = TapeKind.PropertyName;
                        SetStringSpan(ref token, ref reader);
                        if (!DecodeKey(ref token, json, ref keyLength))
                        {
                            return false;
                        }

                        break;
                    case JsonTokenType.String:
                        CountInParent(depth);
                        token.Kind = TapeKind.String;
                        SetStringSpan(ref token, ref reader);
                        token.NeedsRewrite = token.NeedsRewrite || !Utf8.IsValid(json.Slice(token.Start, token.Length));
                        break;
                    case JsonTokenType.Number:
                        CountInParent(depth);
                        token.Kind = TapeKind.Number;
                        token.Start = checked((int)reader.TokenStartIndex);
                        token.Length = reader.ValueSpan.Length;
                        break;
                    case JsonTokenType.True:
                    case JsonTokenType.False:
                    case JsonTokenType.Null:
                        CountInParent(depth);
                        token.Kind = reader.TokenType switch
                        {
                            JsonTokenType.True => TapeKind.True,
                            JsonTokenType.False => TapeKind.False,
                            _ => TapeKind.Null,
                        };
                        break;
                    default:
                        return false; // comments are disallowed above; nothing else is JSON
                }

                TokenCount++;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return TokenCount > 0 && depth == 0;
    }

    public void Dispose()
    {
        ArrayPool<TapeToken>.Shared.Return(_tokens);
        ArrayPool<char>.Shared.Return(_keys);
        ArrayPool<int>.Shared.Return(_open);
        _tokens = [];
        _keys = [];
        _open = [];
    }

    private static void Grow<T>(ref T[] array, int needed)
    {
        var next = ArrayPool<T>.Shared.Rent(Math.Max(needed, array.Length * 2));
        array.AsSpan().CopyTo(next);
        ArrayPool<T>.Shared.Return(array);
        array = next;
    }

    private static void SetStringSpan(ref TapeToken token, ref Utf8JsonReader reader)
    {
        // TokenStartIndex is the opening quote; ValueSpan is the raw content between the quotes.
        token.Start = checked((int)reader.TokenStartIndex + 1);
        token.Length = reader.ValueSpan.Length;
        token.NeedsRewrite = reader.ValueIsEscaped;
    }

    // Object members are counted at their property name, array elements at their value.
    private readonly void CountInParent(int depth, bool isPropertyName = false)
    {
        if (depth > 0)
        {
            ref var parent = ref _tokens[_open[depth - 1]];
            if ((parent.Kind == TapeKind.Array) != isPropertyName)
            {
                parent.Count++;
            }
        }
    }

    /// <summary>Big-endian first 8 bytes, zero-padded (an unescaped key holds no NUL, so padding is unambiguous).</summary>
    private static ulong Prefix(ReadOnlySpan<byte> raw)
    {
        if (raw.Length >= 8)
        {
            return BinaryPrimitives.ReadUInt64BigEndian(raw);
        }

        ulong prefix = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            prefix |= (ulong)raw[i] << (56 - (8 * i));
        }

        return prefix;
    }

    private bool DecodeKey(ref TapeToken token, ReadOnlySpan<byte> json, ref int keyLength)
    {
        var raw = json.Slice(token.Start, token.Length);
        if (!token.NeedsRewrite && Ascii.IsValid(raw))
        {
            // The usual key: no UTF-16 copy needed to sort it (ASCII byte order is code-unit order).
            token.AsciiKey = true;
            token.KeyPrefix = Prefix(raw);
            return true;
        }

        if (_keys.Length - keyLength < raw.Length)
        {
            Grow(ref _keys, keyLength + raw.Length);
        }

        int chars;
        if (token.NeedsRewrite)
        {
            chars = JsString.Unescape(raw, _keys.AsSpan(keyLength));
            if (chars < 0)
            {
                return false;
            }
        }
        else
        {
            Utf8.ToUtf16(raw, _keys.AsSpan(keyLength), out _, out chars, replaceInvalidSequences: true, isFinalBlock: true);
            token.NeedsRewrite = !Utf8.IsValid(raw);
        }

        token.KeyOffset = keyLength;
        token.KeyLength = chars;
        keyLength += chars;
        return true;
    }
}
