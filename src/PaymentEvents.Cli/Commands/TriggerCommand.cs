using System.ComponentModel;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using PaymentEvents.Cli.Infrastructure;
using PaymentEvents.Protocol;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PaymentEvents.Cli.Commands;

/// <summary><c>trigger</c>: POST signed sample events to a receiver, as Payment Kit would.</summary>
internal sealed class TriggerCommand(CliEnvironment environment) : AsyncCommand<TriggerCommand.Settings>
{
    internal sealed class Settings : SigningSettings
    {
        [CommandArgument(0, "<EVENT_TYPE>")]
        [Description("Event type, e.g. customer.subscription.started")]
        public string EventType { get; init; } = "";

        /// <summary>Where <c>dotnet run --project src/PaymentEvents.Api</c> listens (launchSettings.json) plus the default Webhooks:Path.</summary>
        public const string DefaultUrl = "http://127.0.0.1:5080/api/payment/callback";

        [CommandOption("-u|--url <URL>")]
        [Description("The receiver's callback URL. Default " + DefaultUrl + " (the API project's launch profile)")]
        [DefaultValue(DefaultUrl)]
        public string Url { get; init; } = DefaultUrl;

        [CommandOption("-s|--set <PATH=VALUE>")]
        [Description("Override a field, e.g. data.object.status=past_due (repeatable)")]
        public string[] Set { get; init; } = [];

        [CommandOption("-n|--count <N>")]
        [Description("Send N events (each with a new id) and print a timing summary")]
        [DefaultValue(1)]
        public int Count { get; init; } = 1;

        [CommandOption("--dup")]
        [Description("Send each event twice (the second should come back duplicate:true)")]
        public bool Duplicate { get; init; }

        [CommandOption("--livemode")]
        [Description("Mark the events livemode:true")]
        public bool Livemode { get; init; }

        [CommandOption("--allow-unknown")]
        [Description("Send an event type that is not in Payment Kit's list")]
        public bool AllowUnknown { get; init; }

        public override ValidationResult Validate()
        {
            if (Count < 1)
            {
                return ValidationResult.Error($"--count must be at least 1, got {Count.ToString(CultureInfo.InvariantCulture)}.");
            }

            return ValidationResult.Success();
        }
    }

    private sealed record Delivery(string EventId, int? Status, string Body, TimeSpan Elapsed, string? Error);

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var url = Keys.ParseUrl(settings.Url, "--url");
        var type = settings.EventType.Trim();
        if (!settings.AllowUnknown && !SampleBodies.KnownTypes.Contains(type, StringComparer.Ordinal))
        {
            var close = SampleBodies.ClosestTypes(type);
            throw new CliException($"Unknown event type '{type}'. Did you mean: {string.Join(", ", close)}? (--allow-unknown sends it anyway)");
        }

        var signing = Keys.ResolveSigningKey(settings.Key, settings.DataDir, settings.WalletType, environment);
        signing.Announce(environment);
        var key = signing.Key;
        var time = environment.TimeProvider;
        using var http = environment.CreateHttpClient();
        var deliveries = new List<Delivery>();
        var started = time.GetTimestamp();
        for (var i = 0; i < settings.Count; i++)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(SampleBodies.Create(type, time, settings.Livemode, settings.Set));
            var sends = settings.Duplicate ? 2 : 1;
            for (var s = 0; s < sends; s++)
            {
                deliveries.Add(await SendAsync(http, key, url, body, settings.V0, cancellationToken).ConfigureAwait(false));
            }
        }

        var total = time.GetElapsedTime(started);
        if (deliveries.All(d => d.Status is null))
        {
            throw new CliException($"Could not reach {url}: {deliveries[0].Error}. Is the receiver running and listening there?", CliApp.Failure);
        }

        if (deliveries.Count == 1 || (settings.Duplicate && settings.Count == 1))
        {
            PrintEach(deliveries, settings.Json);
        }
        else
        {
            PrintSummary(deliveries, total, settings.Json);
        }

        return deliveries.All(d => d.Status is >= 200 and < 300) ? 0 : CliApp.Failure;
    }

    private async Task<Delivery> SendAsync(HttpClient http, AppKey key, Uri url, byte[] body, bool v0, CancellationToken cancellationToken)
    {
        var time = environment.TimeProvider;
        var eventId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString() ?? "";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        // Signed per send, so --dup and long runs never reuse an expired signature.
        foreach (var (name, value) in Signing.ToList(Signing.Sign(key, time, url, body, v0)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var started = time.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new Delivery(eventId, (int)response.StatusCode, text, time.GetElapsedTime(started), null);
        }
        catch (HttpRequestException ex)
        {
            return new Delivery(eventId, null, "", time.GetElapsedTime(started), ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Delivery(eventId, null, "", time.GetElapsedTime(started), "timed out");
        }
    }

    private void PrintEach(IReadOnlyList<Delivery> deliveries, bool json)
    {
        foreach (var d in deliveries)
        {
            if (json)
            {
                environment.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    event_id = d.EventId,
                    status = d.Status,
                    body = AsJson(d.Body),
                    error = d.Error,
                    elapsed_ms = Math.Round(d.Elapsed.TotalMilliseconds, 1),
                }));
                continue;
            }

            var ok = d.Status is >= 200 and < 300;
            var status = d.Status?.ToString(CultureInfo.InvariantCulture) ?? "no response";
            environment.Console.MarkupLine($"[{(ok ? "green" : "red")}]{status}[/] {Markup.Escape(d.EventId)} in {d.Elapsed.TotalMilliseconds:F1} ms");
            environment.Out.WriteLine(d.Error ?? d.Body);
        }
    }

    /// <summary>The receiver's answer as JSON (not an escaped string), or the text itself when it is not JSON.</summary>
    private static object? AsJson(string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private void PrintSummary(IReadOnlyList<Delivery> deliveries, TimeSpan total, bool json)
    {
        var latencies = deliveries.Select(d => d.Elapsed.TotalMilliseconds).Order().ToArray();
        double Percentile(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Length) - 1, 0, latencies.Length - 1)];
        var byStatus = deliveries
            .GroupBy(d => d.Status?.ToString(CultureInfo.InvariantCulture) ?? "error")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var duplicates = deliveries.Count(d => d.Body.Contains("\"duplicate\":true", StringComparison.Ordinal));
        var rate = total.TotalSeconds > 0 ? deliveries.Count / total.TotalSeconds : 0;
        if (json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(new
            {
                sent = deliveries.Count,
                statuses = byStatus,
                duplicates,
                total_ms = Math.Round(total.TotalMilliseconds, 1),
                per_second = Math.Round(rate, 1),
                latency_ms = new { min = latencies[0], p50 = Percentile(0.5), p95 = Percentile(0.95), max = latencies[^1] },
            }));
            return;
        }

        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("sent", deliveries.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var (status, count) in byStatus)
        {
            table.AddRow($"status {Markup.Escape(status)}", count.ToString(CultureInfo.InvariantCulture));
        }

        table.AddRow("duplicate:true", duplicates.ToString(CultureInfo.InvariantCulture));
        table.AddRow("total", $"{total.TotalMilliseconds:F0} ms");
        table.AddRow("rate", $"{rate:F1}/s");
        table.AddRow("latency min / p50 / p95 / max", $"{latencies[0]:F1} / {Percentile(0.5):F1} / {Percentile(0.95):F1} / {latencies[^1]:F1} ms");
        environment.Console.Write(table);
        if (deliveries.FirstOrDefault(d => d.Status is not (>= 200 and < 300)) is { } failed)
        {
            environment.Console.MarkupLine($"[red]first failure[/] {Markup.Escape(failed.EventId)}: {Markup.Escape(failed.Error ?? $"{failed.Status} {failed.Body}")}");
        }
    }
}
