using System.Text.Json.Nodes;

namespace PaymentEvents.Cli.Infrastructure;

/// <summary>
/// Builds the event bodies <c>trigger</c> and <c>sign</c> send. Delegates to the library's samples
/// (realistic <c>data.object</c> per type) and applies <c>--set path=value</c> overrides.
/// </summary>
internal static class SampleBodies
{
    public static IReadOnlyList<string> KnownTypes => Events.EventTypes.All;

    public static JsonObject Create(string eventType, TimeProvider timeProvider, bool livemode, IEnumerable<string> sets)
    {
        var body = Events.Samples.SampleEvents.Create(eventType, timeProvider, livemode);
        foreach (var set in sets)
        {
            try
            {
                Events.Samples.SampleEvents.ApplySet(body, set);
            }
            catch (ArgumentException ex)
            {
                throw new CliException($"--set '{set}': {ex.Message} Use path=value, e.g. data.object.status=past_due.");
            }
        }

        return body;
    }

    /// <summary>Up to <paramref name="max"/> known types closest to <paramref name="unknown"/> (edit distance, then shared prefix).</summary>
    public static IReadOnlyList<string> ClosestTypes(string unknown, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        return [.. KnownTypes
            .Select(t => (Type: t, Distance: Distance(unknown, t), Contains: t.Contains(unknown, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(x => x.Contains)
            .ThenBy(x => x.Distance)
            .ThenBy(x => x.Type, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Type)];
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
