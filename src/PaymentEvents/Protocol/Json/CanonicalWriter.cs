using System.Buffers;

namespace PaymentEvents.Protocol.Json;

/// <summary>
/// Writes a <see cref="JsonTape"/> as <c>json-stable-stringify</c> 1.x writes the equivalent
/// <c>JSON.parse</c> value (PROTOCOL §3): keys sorted by UTF-16 code units, the last duplicate key
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
                        output.Write((byte)'{');
                        var count = CollectMembers(ref tape, cur, members.AsSpan(memberTop, t.Count));
                        if (count == 0)
                        {
                            output.Write((byte)'}');
                            break;
                        }

                        Push(ref frames, depth++, new Frame { IsObject = true, SegStart = memberTop, SegCount = count });
                        memberTop += t.Count;
                        cur = WriteKey(ref tape, members[frames[depth - 1].SegStart], json, output);
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
                            output.Write((byte)',');
                            cur = WriteKey(ref tape, members[f.SegStart + f.Pos], json, output);
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
    private static int CollectMembers(ref JsonTape tape, int objectIndex, Span<int> slots)
    {
        var key = objectIndex + 1;
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = key;
            key = tape.EndOf(key + 1);
        }

        if (slots.Length < 2)
        {
            return slots.Length;
        }

        // Not Span.Sort: its comparer overload boxes a struct comparer on every object.
        MemberSort.Sort(slots, new KeyComparer(tape.TokenArray, tape.KeyArray));

        // Equal keys are adjacent and ordered by position: keep the last one (JSON.parse semantics).
        var unique = 0;
        for (var i = 0; i < slots.Length; i++)
        {
            if (i + 1 < slots.Length && KeyComparer.SameKey(tape.TokenArray, tape.KeyArray, slots[i], slots[i + 1]))
            {
                continue;
            }

            slots[unique++] = slots[i];
        }

        return unique;
    }

    /// <summary>Writes <c>"key":</c> and returns the tape index of the member's value.</summary>
    private static int WriteKey(ref JsonTape tape, int keyIndex, ReadOnlySpan<byte> json, PooledByteBuffer output)
    {
        ref readonly var k = ref tape.Tokens[keyIndex];
        if (k.NeedsRewrite)
        {
            JsString.WriteQuoted(tape.Key(in k), output);
        }
        else
        {
            JsString.WriteVerbatim(json.Slice(k.Start, k.Length), output);
        }

        output.Write((byte)':');
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

    private readonly struct KeyComparer(TapeToken[] tokens, char[] keys) : IMemberComparer
    {
        private readonly TapeToken[] _tokens = tokens;
        private readonly char[] _keys = keys;

        public int Compare(int x, int y)
        {
            var c = CompareKeys(_tokens, _keys, x, y);
            return c != 0 ? c : x.CompareTo(y);
        }

        public static bool SameKey(TapeToken[] tokens, char[] keys, int x, int y) => CompareKeys(tokens, keys, x, y) == 0;

        // Ordinal char comparison is UTF-16 code unit order, as Array.prototype.sort compares strings.
        // Keys are short, so a plain loop beats the vectorised SequenceCompareTo set-up.
        private static int CompareKeys(TapeToken[] tokens, char[] keys, int x, int y)
        {
            ref readonly var a = ref tokens[x];
            ref readonly var b = ref tokens[y];
            var sa = keys.AsSpan(a.KeyOffset, a.KeyLength);
            var sb = keys.AsSpan(b.KeyOffset, b.KeyLength);
            var n = Math.Min(sa.Length, sb.Length);
            for (var i = 0; i < n; i++)
            {
                var d = sa[i] - sb[i];
                if (d != 0)
                {
                    return d;
                }
            }

            return sa.Length - sb.Length;
        }
    }
}
