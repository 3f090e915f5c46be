using System.Buffers;

namespace PaymentEvents.Protocol.Json;

/// <summary>
/// Writes a <see cref="JsonTape"/> as <c>json-stable-stringify</c> 1.x writes the equivalent
/// <c>JSON.parse</c> value (docs/protocol.md §3): keys sorted by UTF-16 code units, the last duplicate key
/// wins, no whitespace, JavaScript string and number formatting. Iterative, so nesting depth is
/// bounded by <see cref="JsonTape.MaxDepth"/>, not by the thread's stack.
/// </summary>
internal static class CanonicalWriter
{
    /// <summary>Canonicalises <paramref name="utf8Json"/> into <paramref name="output"/>; false when it is not JSON.</summary>
    public static bool TryWrite(ReadOnlySpan<byte> utf8Json, PooledByteBuffer output)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..]; // the body's UTF-8 decoding strips a BOM before JSON.parse sees it
        }

        var tape = new JsonTape();
        try
        {
            if (!tape.TryBuild(utf8Json))
            {
                return false;
            }

            return WriteTape(ref tape, utf8Json, output);
        }
        finally
        {
            tape.Dispose();
        }
    }

    private struct Frame
    {
        public bool IsObject;
        public int Next;       // arrays: tape index of the next element
        public int Remaining;  // arrays: elements still to write
        public int SegStart;   // objects: first slot of the sorted member list in the scratch
        public int SegCount;   // objects: unique members
        public int Pos;        // objects: member being written
    }

    // Objects up to this many members sort prefix/slot pairs on the stack (16 bytes each).
    private const int MaxPrefixSorted = 128;

    private static bool WriteTape(ref JsonTape tape, ReadOnlySpan<byte> json, PooledByteBuffer output)
    {
        var tokens = tape.Tokens;
        var frames = ArrayPool<Frame>.Shared.Rent(16);
        var members = ArrayPool<int>.Shared.Rent(Math.Max(16, tokens.Length));
        char[]? scratch = null;
        var depth = 0;
        var memberTop = 0;
        try
        {
            var cur = 0;
            while (true)
            {
                ref readonly var t = ref tokens[cur];
                var descended = false;
                switch (t.Kind)
                {
                    case TapeKind.Object:
                        var count = CollectMembers(ref tape, cur, members.AsSpan(memberTop, t.Count), json);
                        if (count == 0)
                        {
                            output.Write("{}"u8);
                            break;
                        }

                        Push(ref frames, depth++, new Frame { IsObject = true, SegStart = memberTop, SegCount = count });
                        memberTop += t.Count;
                        cur = WriteKey(ref tape, members[frames[depth - 1].SegStart], json, output, (byte)'{');
                        descended = true;
                        break;
                    case TapeKind.Array:
                        output.Write((byte)'[');
                        if (t.Count == 0)
                        {
                            output.Write((byte)']');
                            break;
                        }

                        Push(ref frames, depth++, new Frame { Next = tape.EndOf(cur + 1), Remaining = t.Count - 1 });
                        cur++;
                        descended = true;
                        break;
                    case TapeKind.String:
                        WriteString(in t, json, output, ref scratch);
                        break;
                    case TapeKind.Number:
                        if (!JsNumber.TryWriteJsonNumber(json.Slice(t.Start, t.Length), output))
                        {
                            return false;
                        }

                        break;
                    case TapeKind.True:
                        output.Write("true"u8);
                        break;
                    case TapeKind.False:
                        output.Write("false"u8);
                        break;
                    case TapeKind.Null:
                        output.Write("null"u8);
                        break;
                    default:
                        return false;
                }

                if (descended)
                {
                    continue;
                }

                // The value at `cur` is complete: close finished containers, move to the next sibling.
                var advanced = false;
                while (depth > 0 && !advanced)
                {
                    ref var f = ref frames[depth - 1];
                    if (f.IsObject)
                    {
                        if (++f.Pos < f.SegCount)
                        {
                            cur = WriteKey(ref tape, members[f.SegStart + f.Pos], json, output, (byte)',');
                            advanced = true;
                        }
                        else
                        {
                            output.Write((byte)'}');
                            memberTop = f.SegStart;
                            depth--;
                        }
                    }
                    else if (f.Remaining > 0)
                    {
                        output.Write((byte)',');
                        cur = f.Next;
                        f.Next = tape.EndOf(cur);
                        f.Remaining--;
                        advanced = true;
                    }
                    else
                    {
                        output.Write((byte)']');
                        depth--;
                    }
                }

                if (!advanced)
                {
                    return true;
                }
            }
        }
        finally
        {
            ArrayPool<Frame>.Shared.Return(frames);
            ArrayPool<int>.Shared.Return(members);
            if (scratch is not null)
            {
                ArrayPool<char>.Shared.Return(scratch);
            }
        }
    }

    private static void Push(ref Frame[] frames, int depth, Frame frame)
    {
        if (depth == frames.Length)
        {
            var next = ArrayPool<Frame>.Shared.Rent(frames.Length * 2);
            frames.AsSpan().CopyTo(next);
            ArrayPool<Frame>.Shared.Return(frames);
            frames = next;
        }

        frames[depth] = frame;
    }

    /// <summary>
    /// Fills <paramref name="slots"/> with the property-name tape indices of the object at
    /// <paramref name="objectIndex"/>, sorted by key with the last duplicate kept; returns how many remain.
    /// </summary>
    private static int CollectMembers(ref JsonTape tape, int objectIndex, Span<int> slots, ReadOnlySpan<byte> json)
    {
        var tokens = tape.Tokens;
        var key = objectIndex + 1;
        var allAscii = true;
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = key;
            allAscii &= tokens[key].AsciiKey;
            key = tape.EndOf(key + 1);
        }

        if (slots.Length < 2)
        {
            return slots.Length;
        }

        // Not Span.Sort: its comparer overload boxes a struct comparer on every object.
        var comparer = new KeyComparer(tokens, tape.KeyChars, json);
        if (allAscii && slots.Length <= MaxPrefixSorted)
        {
            return SortAsciiMembers(tokens, slots, comparer);
        }

        MemberSort.Sort(slots, comparer);

        // Equal keys are adjacent and ordered by position: keep the last one (JSON.parse semantics).
        var unique = 0;
        for (var i = 0; i < slots.Length; i++)
        {
            if (i + 1 < slots.Length && comparer.SameKey(slots[i], slots[i + 1]))
            {
                continue;
            }

            slots[unique++] = slots[i];
        }

        return unique;
    }

    /// <summary>
    /// The usual object (every key unescaped ASCII): sorts (8-byte prefix, slot) pairs held together,
    /// so almost every comparison is one integer compare on contiguous stack memory; equal prefixes
    /// fall back to the full comparison. Same order and duplicate rule as the general path.
    /// </summary>
    private static int SortAsciiMembers(ReadOnlySpan<TapeToken> tokens, Span<int> slots, KeyComparer comparer)
    {
        Span<PrefixedSlot> entries = stackalloc PrefixedSlot[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            entries[i] = new PrefixedSlot(tokens[slots[i]].KeyPrefix, slots[i]);
        }

        MemberSort.Sort(entries, new PrefixedSlotComparer(comparer));

        var unique = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            if (i + 1 < entries.Length && entries[i].Prefix == entries[i + 1].Prefix && comparer.SameKey(entries[i].Slot, entries[i + 1].Slot))
            {
                continue;
            }

            slots[unique++] = entries[i].Slot;
        }

        return unique;
    }

    /// <summary>
    /// Writes <paramref name="lead"/> (<c>{</c> or <c>,</c>) and <c>"key":</c>, in one buffer reservation
    /// for a verbatim key; returns the tape index of the member's value.
    /// </summary>
    private static int WriteKey(ref JsonTape tape, int keyIndex, ReadOnlySpan<byte> json, PooledByteBuffer output, byte lead)
    {
        ref readonly var k = ref tape.Tokens[keyIndex];
        if (k.NeedsRewrite)
        {
            output.Write(lead);
            JsString.WriteQuoted(tape.Key(in k), output);
            output.Write((byte)':');
        }
        else
        {
            var raw = json.Slice(k.Start, k.Length);
            var span = output.GetSpan(raw.Length + 4);
            span[0] = lead;
            span[1] = (byte)'"';
            raw.CopyTo(span[2..]);
            span[raw.Length + 2] = (byte)'"';
            span[raw.Length + 3] = (byte)':';
            output.Advance(raw.Length + 4);
        }

        return keyIndex + 1;
    }

    private static void WriteString(in TapeToken t, ReadOnlySpan<byte> json, PooledByteBuffer output, ref char[]? scratch)
    {
        var raw = json.Slice(t.Start, t.Length);
        if (!t.NeedsRewrite)
        {
            JsString.WriteVerbatim(raw, output);
            return;
        }

        var needed = JsString.MaxCharCount(raw.Length);
        if (scratch is null || scratch.Length < needed)
        {
            if (scratch is not null)
            {
                ArrayPool<char>.Shared.Return(scratch);
            }

            scratch = ArrayPool<char>.Shared.Rent(Math.Max(needed, 256));
        }

        // The reader has validated the escapes, so decoding cannot fail here.
        var chars = JsString.Unescape(raw, scratch);
        JsString.WriteQuoted(scratch.AsSpan(0, Math.Max(chars, 0)), output);
    }

    /// <summary>
    /// Orders property names by UTF-16 code units, as <c>Array.prototype.sort</c> compares strings
    /// (docs/protocol.md §3). Two ASCII keys compare as raw bytes, which is the same order (8-byte prefix first);
    /// anything else (escapes, non-ASCII) compares as UTF-16, since UTF-8 byte order differs from
    /// code-unit order for U+E000–U+FFFF against supplementary characters.
    /// </summary>
    private readonly record struct PrefixedSlot(ulong Prefix, int Slot);

    private readonly ref struct PrefixedSlotComparer(KeyComparer keys) : IMemberComparer<PrefixedSlot>
    {
        private readonly KeyComparer _keys = keys;

        public int Compare(PrefixedSlot x, PrefixedSlot y) =>
            x.Prefix != y.Prefix ? (x.Prefix < y.Prefix ? -1 : 1) : _keys.Compare(x.Slot, y.Slot);
    }

    private readonly ref struct KeyComparer(ReadOnlySpan<TapeToken> tokens, ReadOnlySpan<char> keys, ReadOnlySpan<byte> json) : IMemberComparer<int>
    {
        private readonly ReadOnlySpan<TapeToken> _tokens = tokens;
        private readonly ReadOnlySpan<char> _keys = keys;
        private readonly ReadOnlySpan<byte> _json = json;

        public int Compare(int x, int y)
        {
            var c = CompareKeys(x, y);
            return c != 0 ? c : x.CompareTo(y);
        }

        public bool SameKey(int x, int y) => CompareKeys(x, y) == 0;

        public int CompareKeys(int x, int y)
        {
            ref readonly var a = ref _tokens[x];
            ref readonly var b = ref _tokens[y];
            if (a.AsciiKey && b.AsciiKey)
            {
                if (a.KeyPrefix != b.KeyPrefix)
                {
                    return a.KeyPrefix < b.KeyPrefix ? -1 : 1;
                }

                // Equal prefixes: either both keys are at least 8 bytes, or they are the same short key.
                if (a.Length <= 8 || b.Length <= 8)
                {
                    return a.Length - b.Length;
                }

                return _json.Slice(a.Start + 8, a.Length - 8).SequenceCompareTo(_json.Slice(b.Start + 8, b.Length - 8));
            }

            return CompareUtf16(in a, in b);
        }

        // Keys are short, so a plain loop beats the vectorised SequenceCompareTo set-up.
        private int CompareUtf16(in TapeToken a, in TapeToken b)
        {
            var ab = a.AsciiKey ? _json.Slice(a.Start, a.Length) : default;
            var bb = b.AsciiKey ? _json.Slice(b.Start, b.Length) : default;
            var ac = a.AsciiKey ? default : _keys.Slice(a.KeyOffset, a.KeyLength);
            var bc = b.AsciiKey ? default : _keys.Slice(b.KeyOffset, b.KeyLength);
            var al = a.AsciiKey ? ab.Length : ac.Length;
            var bl = b.AsciiKey ? bb.Length : bc.Length;
            var n = Math.Min(al, bl);
            for (var i = 0; i < n; i++)
            {
                var d = (a.AsciiKey ? ab[i] : ac[i]) - (b.AsciiKey ? bb[i] : bc[i]);
                if (d != 0)
                {
                    return d;
                }
            }

            return al - bl;
        }
    }
}
