using System.Globalization;

namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>
/// Reads samples out of the Prometheus text of /metrics: the sum of the series of <c>name</c> whose labels include
/// every given <c>key="value"</c> (the exporter adds labels of its own, such as the meter scope).
/// </summary>
public static class MetricsText
{
    public static async Task<double> ReadAsync(HttpClient client, string name, params (string Key, string Value)[] labels) =>
        Read(await client.GetStringAsync("/metrics"), name, labels);

    public static double Read(string text, string name, params (string Key, string Value)[] labels)
    {
        double sum = 0;
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length <= name.Length || line[name.Length] is not ('{' or ' '))
            {
                continue;
            }

            var end = line.LastIndexOf(' ');
            var series = line[..end];
            if (labels.All(l => series.Contains($"{l.Key}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                sum += double.Parse(line[(end + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }
}
