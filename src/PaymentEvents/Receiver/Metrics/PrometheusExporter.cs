using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace PaymentEvents.Receiver.Metrics;

/// <summary>
/// A small Prometheus text-format (0.0.4) exporter over <see cref="System.Diagnostics.Metrics"/>:
/// it listens to the Meter <c>PaymentEvents</c> (this host's, from <see cref="IMeterFactory"/>,
/// and any process-wide one of that name) and renders counters, gauges and histograms on scrape.
/// Why not a package: prometheus-net would add its own default collectors and renames, and the
/// OpenTelemetry Prometheus exporter is only served as a beta here.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] DefaultBuckets =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener;
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _instruments = new();
    private readonly object _scope;

    public PrometheusExporter(IMeterFactory meterFactory)
    {
        _scope = meterFactory;
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ReceiverMetrics.MeterName
                    && (instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, _scope)))
                {
                    _instruments.TryAdd(instrument, new InstrumentSeries(instrument));
                    listener.EnableMeasurementEvents(instrument, _instruments[instrument]);
                }
            },
            MeasurementsCompleted = (instrument, _) => _instruments.TryRemove(instrument, out InstrumentSeries? _),
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, state) => Record(state, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, state) => Record(state, v, tags));
        _listener.SetMeasurementEventCallback<short>((i, v, tags, state) => Record(state, v, tags));
        _listener.SetMeasurementEventCallback<byte>((i, v, tags, state) => Record(state, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, state) => Record(state, v, tags));
        _listener.SetMeasurementEventCallback<float>((i, v, tags, state) => Record(state, v, tags));
        _listener.SetMeasurementEventCallback<decimal>((i, v, tags, state) => Record(state, (double)v, tags));
        _listener.Start();
    }

    /// <summary>Renders every known series in the Prometheus text exposition format.</summary>
    public string Render()
    {
        // Observable instruments report only when asked; their callbacks set (not add) values.
        _listener.RecordObservableInstruments();
        var text = new StringBuilder(4096);
        foreach (var series in _instruments.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            series.WriteTo(text);
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private static void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (state is InstrumentSeries series)
        {
            series.Record(value, tags);
        }
    }

    private enum Kind
    {
        Counter,
        Gauge,
        Histogram,
    }

    private sealed class InstrumentSeries
    {
        private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);
        private readonly Kind _kind;
        private readonly bool _cumulative;
        private readonly double[] _buckets;
        private readonly string? _description;

        public InstrumentSeries(Instrument instrument)
        {
            var type = instrument.GetType().GetGenericTypeDefinition();
            (_kind, _cumulative) = type.Name switch
            {
                "Counter`1" => (Kind.Counter, false),
                "ObservableCounter`1" => (Kind.Counter, true),
                "UpDownCounter`1" => (Kind.Gauge, false),
                "Histogram`1" => (Kind.Histogram, false),
                _ => (Kind.Gauge, true), // Gauge, ObservableGauge, ObservableUpDownCounter: last value wins
            };
            _buckets = BucketsOf(instrument);
            _description = instrument.Description;
            Name = PrometheusName(instrument.Name, instrument.Unit, _kind);
        }

        public string Name { get; }

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var key = LabelKey(tags);
            var series = _series.GetOrAdd(key, static (_, buckets) => new Series(buckets.Length), _buckets);
            lock (series)
            {
                switch (_kind)
                {
                    case Kind.Histogram:
                        series.Count++;
                        series.Sum += value;
                        var index = Array.BinarySearch(_buckets, value);
                        series.Buckets[index >= 0 ? index : ~index]++;
                        break;
                    default:
                        series.Value = _cumulative ? value : series.Value + value;
                        break;
                }
            }
        }

        public void WriteTo(StringBuilder text)
        {
            if (_series.IsEmpty)
            {
                return;
            }

            if (!string.IsNullOrEmpty(_description))
            {
                text.Append("# HELP ").Append(Name).Append(' ').Append(EscapeHelp(_description)).Append('\n');
            }

            text.Append("# TYPE ").Append(Name).Append(' ').Append(_kind switch
            {
                Kind.Counter => "counter",
                Kind.Histogram => "histogram",
                _ => "gauge",
            }).Append('\n');

            foreach (var (labels, series) in _series.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                lock (series)
                {
                    if (_kind == Kind.Histogram)
                    {
                        WriteHistogram(text, labels, series);
                    }
                    else
                    {
                        WriteSample(text, Name, labels, null, series.Value);
                    }
                }
            }
        }

        private void WriteHistogram(StringBuilder text, string labels, Series series)
        {
            long cumulative = 0;
            for (var i = 0; i < _buckets.Length; i++)
            {
                cumulative += series.Buckets[i];
                WriteSample(text, Name + "_bucket", labels, $"le=\"{Format(_buckets[i])}\"", cumulative);
            }

            WriteSample(text, Name + "_bucket", labels, "le=\"+Inf\"", series.Count);
            WriteSample(text, Name + "_sum", labels, null, series.Sum);
            WriteSample(text, Name + "_count", labels, null, series.Count);
        }

        private static void WriteSample(StringBuilder text, string name, string labels, string? extra, double value)
        {
            text.Append(name);
            if (labels.Length > 0 || extra is not null)
            {
                text.Append('{').Append(labels);
                if (extra is not null)
                {
                    text.Append(labels.Length > 0 ? "," : string.Empty).Append(extra);
                }

                text.Append('}');
            }

            text.Append(' ').Append(Format(value)).Append('\n');
        }

        private static double[] BucketsOf(Instrument instrument) =>
            instrument is Histogram<double> { Advice.HistogramBucketBoundaries: { Count: > 0 } bounds }
                ? [.. bounds]
                : DefaultBuckets;
    }

    private sealed class Series(int bucketCount)
    {
        public double Value { get; set; }

        public long Count { get; set; }

        public double Sum { get; set; }

        // One slot per bound plus the overflow slot (only counted in +Inf).
        public long[] Buckets { get; } = new long[bucketCount + 1];
    }

    private static string PrometheusName(string name, string? unit, Kind kind)
    {
        var builder = new StringBuilder(name.Length + 16);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        // Every series carries the service prefix, whichever feature named the instrument.
        var result = builder.ToString();
        if (!result.StartsWith("paymentevents_", StringComparison.Ordinal))
        {
            result = "paymentevents_" + result;
        }

        if (unit == "s" && !result.EndsWith("_seconds", StringComparison.Ordinal))
        {
            result += "_seconds";
        }

        if (kind == Kind.Counter && !result.EndsWith("_total", StringComparison.Ordinal))
        {
            result += "_total";
        }

        return result;
    }

    private static string LabelKey(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<(string Name, string Value)>(tags.Length);
        foreach (var tag in tags)
        {
            pairs.Add((SanitizeLabel(tag.Key), Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty));
        }

        pairs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var text = new StringBuilder();
        foreach (var (labelName, value) in pairs)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(labelName).Append("=\"").Append(EscapeLabelValue(value)).Append('"');
        }

        return text.ToString();
    }

    private static string SanitizeLabel(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] != '_')
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }

    private static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
