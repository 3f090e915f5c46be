using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PaymentEvents.Events;
using PaymentEvents.Protocol;
using PaymentEvents.Storage;

namespace PaymentEvents.Api;

/// <summary>
/// Documents the webhook as Payment Kit sends it: the event envelope as the callback's body, the signature headers
/// as its parameters, every documented event type as an OpenAPI 3.1 <c>webhooks</c> entry, and the event status
/// values as an enum wherever an operation takes or returns a <c>status</c>.
/// </summary>
internal sealed class WebhookDocumentTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string EnvelopeSchema = "PaymentEventEnvelope";
    private const string StatusSchema = "EventStatus";
    private const string CallbackOperation = "ReceivePaymentEvent";

    private static readonly (string Name, string Description, bool Required)[] SignatureHeaderDocs =
    [
        (SignatureHeaders.SignatureHeader, "Signature by Payment Kit's app key over the request (V1) or the body (V0).", true),
        (SignatureHeaders.IssuedAtHeader, "V1: issued-at, unix seconds.", false),
        (SignatureHeaders.ExpiresAtHeader, "V1: expires-at, unix seconds (the SDK signs 300 s windows).", false),
        (SignatureHeaders.VersionHeader, "Signature version: 1 (V1); absent for V0.", false),
        (SignatureHeaders.ComponentDidHeader, "DID of the sending component (Payment Kit).", false),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[EnvelopeSchema] = Envelope();
        document.Components.Schemas[StatusSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Lifecycle of a stored event.",
            Enum = [.. Enum.GetValues<EventStatus>().Select(s => (JsonNode)s.ToString().ToLowerInvariant())],
        };

        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var type in EventTypes.Documented)
        {
            document.Webhooks[type] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = new()
                    {
                        OperationId = "webhook." + type,
                        Summary = $"Payment Kit sends '{type}' to the callback (Webhooks:Path).",
                        Parameters = SignatureParameters(),
                        RequestBody = EnvelopeBody(document, type),
                        Responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "Stored (or a known duplicate)." } },
                    },
                },
            };
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId == CallbackOperation)
        {
            operation.Parameters ??= [];
            foreach (var header in SignatureParameters())
            {
                operation.Parameters.Add(header);
            }

            operation.RequestBody = EnvelopeBody(context.Document!, null);
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.Name == "status") ?? [])
        {
            parameter.Schema = new OpenApiSchemaReference(StatusSchema, context.Document);
        }

        return Task.CompletedTask;
    }

    private static List<IOpenApiParameter> SignatureParameters() =>
        [.. SignatureHeaderDocs.Select(h => (IOpenApiParameter)new OpenApiParameter
        {
            Name = h.Name,
            In = ParameterLocation.Header,
            Required = h.Required,
            Description = h.Description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        })];

    private static OpenApiRequestBody EnvelopeBody(OpenApiDocument document, string? type) => new()
    {
        Required = true,
        Description = type is null ? "The event envelope, exactly as signed." : $"The event envelope with type '{type}'.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new() { Schema = new OpenApiSchemaReference(EnvelopeSchema, document) },
        },
    };

    private static OpenApiSchema Envelope()
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A Payment Kit event. Only id and type are required here; other fields are kept as received.",
            Required = new HashSet<string> { "id", "type" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = Text("Event id (evt_...); the dedup key."),
                ["type"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "Event type; others than the documented ones are stored and marked ignored when no handler takes them.",
                    Examples = [.. EventTypes.Documented.Take(3).Select(t => (JsonNode)t)],
                },
                ["livemode"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
                ["api_version"] = Text("Payment Kit API version."),
                ["object_type"] = Text("Kind of data.object (Subscription, Invoice, ...)."),
                ["object_id"] = Text("Id of data.object; events of one object are handled in arrival order."),
                ["data"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["object"] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "The resource after the change." },
                        ["previous_attributes"] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Changed fields before the change." },
                    },
                },
                ["pending_webhooks"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                ["metadata"] = new OpenApiSchema { Type = JsonSchemaType.Object },
                ["created_at"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                ["updated_at"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            },
        };
    }
}
