using System.Net;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PaymentEvents.Api.Tests.Infrastructure;

namespace PaymentEvents.Api.Tests.Hosting;

public sealed class HealthMetricsOpenApiTests(ReceiverHostFixture fixture) : IClassFixture<ReceiverHostFixture>
{
    private readonly ReceiverHost _host = fixture.Host;

    [Fact]
    public async Task Healthz_is_200()
    {
        var response = await _host.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_lists_every_ready_check_with_its_data()
    {
        var response = await _host.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        var storage = body.GetProperty("checks").GetProperty("storage");
        Assert.Equal("healthy", storage.GetProperty("status").GetString());
        Assert.Equal("sqlite", storage.GetProperty("data").GetProperty("engine").GetString());
        // No PaymentKit:BaseUrl in these tests: registration is off (or pending before its service ran).
        var registration = body.GetProperty("checks").GetProperty("registration");
        Assert.Contains(registration.GetProperty("data").GetProperty("status").GetString(), new[] { "disabled", "pending" });
    }

    [Fact]
    public async Task Metrics_are_OpenTelemetry_Prometheus_text_with_the_paymentevents_instruments()
    {
        var client = _host.CreateClient();
        using var deliveries = new MetricCollector<long>(_host.Services.GetRequiredService<IMeterFactory>(), "PaymentEvents", "paymentevents.receiver.deliveries");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(_host.SignedDelivery(TestEvents.Json()))).StatusCode);

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE paymentevents_receiver_deliveries_total counter", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE paymentevents_receiver_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE paymentevents_inbox_events gauge", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE paymentevents_inbox_oldest_unprocessed_age_seconds gauge", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE paymentevents_registration_status gauge", text, StringComparison.Ordinal);
        Assert.Contains("le=\"0.0025\"", text, StringComparison.Ordinal); // the bucket hint, not the default buckets
        // The exact count from this host's own instrument; /metrics sums every host's PaymentEvents meter in this test
        // process (and a disposed host's share drops out), so the text only has to show at least this host's delivery.
        var stored = Assert.Single(deliveries.GetMeasurementSnapshot(), m => Equals(m.Tags["outcome"], "stored"));
        Assert.Equal(1, stored.Value);
        Assert.True(MetricsText.Read(text, "paymentevents_receiver_deliveries_total", ("outcome", "stored")) >= 1);
    }

    [Fact]
    public async Task Metrics_include_what_the_processor_publishes_on_the_same_meter()
    {
        var client = _host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(_host.SignedDelivery(TestEvents.Json()))).StatusCode);

        await Poll.UntilAsync(
            async () => (await client.GetStringAsync("/metrics")).Contains("# TYPE paymentevents_processing_events_total counter", StringComparison.Ordinal),
            what: "processor metrics on /metrics");
    }

    [Fact]
    public async Task OpenApi_document_lists_every_route_and_the_api_key_scheme()
    {
        var document = await _host.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty(ReceiverHost.CallbackPath).TryGetProperty("post", out var callback));
        Assert.False(string.IsNullOrEmpty(callback.GetProperty("summary").GetString()));
        foreach (var code in new[] { "200", "400", "401", "413", "503" })
        {
            Assert.True(callback.GetProperty("responses").TryGetProperty(code, out _), $"callback documents {code}");
        }

        Assert.True(paths.GetProperty("/api/events").TryGetProperty("get", out var list));
        Assert.True(paths.GetProperty("/api/events/{id}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/events/{id}/replay").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/events/replay").TryGetProperty("post", out _));
        Assert.True(list.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
    }

    [Fact]
    public async Task OpenApi_documents_the_webhook_envelope_signature_headers_status_enum_and_event_types()
    {
        var document = await _host.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var envelope = schemas.GetProperty("PaymentEventEnvelope");
        Assert.Equal(["id", "type"], envelope.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Contains("dead", schemas.GetProperty("EventStatus").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));

        var callback = document.GetProperty("paths").GetProperty(ReceiverHost.CallbackPath).GetProperty("post");
        var headers = callback.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("x-component-sig", headers);
        Assert.Contains("x-component-sig-exp", headers);
        Assert.Equal("#/components/schemas/PaymentEventEnvelope",
            callback.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());

        var webhooks = document.GetProperty("webhooks");
        foreach (var type in PaymentEvents.Events.EventTypes.Documented)
        {
            Assert.True(webhooks.GetProperty(type).TryGetProperty("post", out _), type);
        }

        var status = document.GetProperty("paths").GetProperty("/api/events").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "status");
        Assert.Equal("#/components/schemas/EventStatus", status.GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task Swagger_ui_points_at_the_openapi_document()
    {
        var client = _host.CreateClient();
        var page = await client.GetAsync("/swagger/index.html");
        var init = await client.GetStringAsync("/swagger/index.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/openapi/v1.json", init, StringComparison.Ordinal);
    }
}
