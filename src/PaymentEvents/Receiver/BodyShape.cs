using System.Buffers;
using System.Text.Json;
using PaymentEvents.Events;

namespace PaymentEvents.Receiver;

/// <summary>
/// The cheap look at a body before anything is built from it: is it shaped like an ordinary Payment Kit event, or
/// heavy (deep, or with many members)? Nothing is refused for its shape (a genuine event may be any shape the sender
/// can sign); heavy bodies are parsed and verified in the <see cref="HeavyBodyLane"/>, so the cost of many of them
/// under garbage signatures stays inside that lane (SECURITY.md).
/// </summary>
internal static class BodyShape
{
    /// <summary>
    /// Deepest ordinary nesting (System.Text.Json's default; Payment Kit events nest about 6 deep). An object of
    /// 131,000 keys under a garbage signature cost 150 ms of CPU to canonicalise and sort before the 401.
    /// </summary>
    public const int OrdinaryDepth = 64;

    /// <summary>Most members of one ordinary object (Payment Kit objects have a few dozen, metadata included).</summary>
    public const int OrdinaryMembersPerObject = 1000;

    /// <summary>Most object members of an ordinary body in all (a large invoice: a few thousand).</summary>
    public const int OrdinaryMembers = 20_000;

    /// <summary>
    /// One forward pass with the reader that stops as soon as the body is known to be heavy. A body that is not JSON,
    /// or deeper than <see cref="PaymentEventParser.MaxDepth"/>, is not heavy: the envelope parse refuses it at once.
    /// </summary>
    public static bool IsHeavy(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = PaymentEventParser.MaxDepth });
        var members = ArrayPool<int>.Shared.Rent(OrdinaryDepth + 2);
        var total = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth >= OrdinaryDepth)
                        {
                            return true;
                        }

                        members[reader.CurrentDepth] = 0;
                        break;
                    case JsonTokenType.PropertyName:
                        // The property name is one level inside its object.
                        if (++members[reader.CurrentDepth - 1] > OrdinaryMembersPerObject || ++total > OrdinaryMembers)
                        {
                            return true;
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(members);
        }

        return false;
    }
}
