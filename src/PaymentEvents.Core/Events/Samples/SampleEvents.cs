using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaymentEvents.Events.Samples;

/// <summary>
/// Realistic Payment Kit webhook bodies (docs/protocol.md §2) for any event type, for the CLI <c>trigger</c> command and tests:
/// fresh ids, a fully populated <c>data.object</c> whose state matches the event (e.g. <c>customer.subscription.deleted</c>
/// carries a canceled subscription), amounts as 18-decimal token strings, unix-second resource timestamps and
/// <c>previous_attributes</c> where the event implies a change.
/// </summary>
public static class SampleEvents
{
    /// <summary>A full webhook body for <paramref name="eventType"/> (any name; unknown ones get a generic object).</summary>
    public static JsonObject Create(string eventType, TimeProvider time, bool livemode = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentNullException.ThrowIfNull(time);

        var now = time.GetUtcNow();
        var (objectType, dataObject, previous) = SampleObjects.For(eventType, now, livemode);
        return new JsonObject
        {
            ["id"] = SampleIds.New("evt"),
            ["type"] = eventType,
            ["livemode"] = livemode,
            ["api_version"] = "2023-09-05",
            ["object_type"] = objectType,
            ["object_id"] = dataObject["id"]?.GetValue<string>(),
            ["data"] = new JsonObject
            {
                ["object"] = dataObject,
                ["previous_attributes"] = previous,
            },
            ["request"] = new JsonObject
            {
                ["id"] = SampleIds.New("req"),
                ["idempotency_key"] = Guid.NewGuid().ToString(),
                ["requested_by"] = "system",
            },
            ["pending_webhooks"] = 1,
            ["metadata"] = new JsonObject(),
            ["created_at"] = SampleObjects.Iso(now),
            ["updated_at"] = SampleObjects.Iso(now),
        };
    }

    /// <summary>
    /// Applies one <c>--set</c> assignment, <c>dotted.path=value</c> (e.g. <c>data.object.status=past_due</c>): the value
    /// is a JSON literal when it parses as one (<c>true</c>, <c>42</c>, <c>{"a":1}</c>, <c>null</c>), else a string.
    /// Missing objects on the path are created; a numeric segment indexes an array.
    /// </summary>
    /// <exception cref="ArgumentException">The assignment has no <c>=</c>, an empty path segment, or the path runs through a non-container.</exception>
    public static void ApplySet(JsonObject body, string assignment)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(assignment);

        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"Expected path=value, got '{assignment}'.", nameof(assignment));
        }

        var segments = assignment[..equals].Split('.');
        if (segments.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"Empty segment in path '{assignment[..equals]}'.", nameof(assignment));
        }

        var path = assignment[..equals];
        var value = ParseValue(assignment[(equals + 1)..]);

        // Walk the existing containers first and attach the new value (with any missing objects around it) only at
        // the end, so a refused path leaves the body untouched.
        JsonNode current = body;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var next = Child(current, segments[i], path);
            if (next is null)
            {
                for (var j = segments.Length - 1; j > i; j--)
                {
                    value = new JsonObject { [segments[j]] = value };
                }

                SetChild(current, segments[i], value, path);
                return;
            }

            current = next is JsonObject or JsonArray
                ? next
                : throw new ArgumentException($"Cannot set '{path}': '{segments[i]}' holds a value, not an object.", nameof(assignment));
        }

        SetChild(current, segments[^1], value, path);
    }

    private static JsonNode? Child(JsonNode container, string segment, string path) => container switch
    {
        JsonObject obj => obj[segment],
        JsonArray array => array[ArrayIndex(array, segment, path)],
        _ => null,
    };

    private static void SetChild(JsonNode container, string segment, JsonNode? value, string path)
    {
        if (container is JsonArray array)
        {
            array[ArrayIndex(array, segment, path)] = value;
        }
        else
        {
            container.AsObject()[segment] = value;
        }
    }

    private static int ArrayIndex(JsonArray array, string segment, string path) =>
        int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count
            ? index
            : throw new ArgumentException($"Cannot set '{path}': '{segment}' is not an index of an array of {array.Count}.", nameof(segment));

    private static JsonNode? ParseValue(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
