using System.Globalization;

namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>Reads one sample out of the Prometheus text of /metrics.</summary>
public static class MetricsText
{
    public static async Task<double> ReadAsync(HttpClient client, string sample)
    {
        var text = await client.GetStringAsync("/metrics");
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(sample + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(sample.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
