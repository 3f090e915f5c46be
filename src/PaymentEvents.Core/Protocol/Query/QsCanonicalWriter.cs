using PaymentEvents.Protocol.Json;

namespace PaymentEvents.Protocol.Query;

/// <summary><c>json-stable-stringify</c> of a parsed query (docs/protocol.md §3): sorted keys, undefined members skipped.</summary>
internal static class QsCanonicalWriter
{
    public static void Write(QsValue value, PooledByteBuffer output)
    {
        switch (value)
        {
            case QsString s:
                JsString.WriteQuoted(s.Value, output);
                break;
            case QsArray array:
                output.Write((byte)'[');
                for (var i = 0; i < array.Length; i++)
                {
                    if (i > 0)
                    {
                        output.Write((byte)',');
                    }

                    var item = array.Items[i];
                    if (item is null || item == QsValue.Undefined)
                    {
                        output.Write("null"u8);
                    }
                    else
                    {
                        Write(item, output);
                    }
                }

                output.Write((byte)']');
                break;
            case QsObject obj:
                var keys = obj.Keys();
                keys.Sort(StringComparer.Ordinal);
                output.Write((byte)'{');
                var first = true;
                foreach (var key in keys)
                {
                    var member = obj.Get(key);
                    if (member == QsValue.Undefined)
                    {
                        continue;
                    }

                    if (!first)
                    {
                        output.Write((byte)',');
                    }

                    first = false;
                    JsString.WriteQuoted(key, output);
                    output.Write((byte)':');
                    Write(member, output);
                }

                output.Write((byte)'}');
                break;
            default:
                output.Write("null"u8);
                break;
        }
    }
}
