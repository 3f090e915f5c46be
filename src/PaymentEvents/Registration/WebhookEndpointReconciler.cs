using System.Text.Json;

namespace PaymentEvents.Registration;

/// <summary>The endpoint we want Payment Kit to have.</summary>
/// <param name="Url">Our public callback URL.</param>
/// <param name="EnabledEvents">Event types to receive (or <c>["*"]</c>).</param>
/// <param name="InstanceName">Written into the metadata marker.</param>
internal sealed record DesiredEndpoint(string Url, IReadOnlyList<string> EnabledEvents, string InstanceName)
{
    /// <summary>Description shown in Payment Kit's dashboard.</summary>
    public string Description => $"PaymentEvents receiver ({InstanceName})";
}

/// <summary>What <see cref="WebhookEndpointReconciler.EnsureAsync"/> did.</summary>
/// <param name="Endpoint">Our endpoint as Payment Kit now has it.</param>
/// <param name="Action">Created, updated, or left unchanged.</param>
/// <param name="OtherMatches">Further endpoints that also look like ours (left alone; an operator may want to delete them).</param>
internal sealed record ReconcileOutcome(WebhookEndpoint Endpoint, RegistrationAction Action, IReadOnlyList<string> OtherMatches);

/// <summary>
/// Makes Payment Kit hold exactly one endpoint of ours with the wanted URL and events (docs/protocol.md §4). Ours means:
/// its URL is our callback URL, or its metadata carries our marker. Endpoints of other services are never touched.
/// Used by the background registration and by <c>paymentevents endpoints ensure</c>.
/// </summary>
internal sealed class WebhookEndpointReconciler(PaymentKitClient client)
{
    /// <summary>Lists every page, then creates, updates or leaves our endpoint alone.</summary>
    public async Task<PaymentKitResult<ReconcileOutcome>> EnsureAsync(DesiredEndpoint desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var listed = await client.ListAllAsync(cancellationToken).ConfigureAwait(false);
        if (!listed.IsSuccess)
        {
            return listed.Error;
        }

        var matches = FindOurs(listed.Value!, desired);
        if (matches.Count == 0)
        {
            var created = await client.CreateAsync(
                new WebhookEndpointWrite
                {
                    Url = desired.Url,
                    EnabledEvents = desired.EnabledEvents,
                    Description = desired.Description,
                    Metadata = Marker(existing: null, desired.InstanceName),
                },
                cancellationToken).ConfigureAwait(false);
            return created.IsSuccess
                ? PaymentKitResult.Success(new ReconcileOutcome(created.Value!, RegistrationAction.Created, []))
                : created.Error;
        }

        var ours = matches[0];
        var others = matches.Skip(1).Select(e => e.Id).ToArray();
        if (!NeedsUpdate(ours, desired))
        {
            return PaymentKitResult.Success(new ReconcileOutcome(ours, RegistrationAction.Unchanged, others));
        }

        var updated = await client.UpdateAsync(
            ours.Id,
            new WebhookEndpointWrite
            {
                Url = desired.Url,
                EnabledEvents = desired.EnabledEvents,
                Status = "enabled",
                Metadata = Marker(ours.Metadata, desired.InstanceName),
            },
            cancellationToken).ConfigureAwait(false);
        return updated.IsSuccess
            ? PaymentKitResult.Success(new ReconcileOutcome(updated.Value!, RegistrationAction.Updated, others))
            : updated.Error;
    }

    /// <summary>Our endpoints, best first: URL matches before marker-only matches.</summary>
    public static IReadOnlyList<WebhookEndpoint> FindOurs(IEnumerable<WebhookEndpoint> endpoints, DesiredEndpoint desired)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(desired);
        var byUrl = new List<WebhookEndpoint>();
        var byMarker = new List<WebhookEndpoint>();
        foreach (var endpoint in endpoints)
        {
            if (SameUrl(endpoint.Url, desired.Url))
            {
                byUrl.Add(endpoint);
            }
            else if (HasMarker(endpoint, desired.InstanceName))
            {
                byMarker.Add(endpoint);
            }
        }

        return [.. byUrl, .. byMarker];
    }

    /// <summary>True when URL, the set of events, enabled status or the marker differ from what we want.</summary>
    public static bool NeedsUpdate(WebhookEndpoint endpoint, DesiredEndpoint desired)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(desired);
        return !SameUrl(endpoint.Url, desired.Url)
            || !new HashSet<string>(endpoint.EnabledEvents ?? [], StringComparer.Ordinal).SetEquals(desired.EnabledEvents)
            || string.Equals(endpoint.Status, "disabled", StringComparison.OrdinalIgnoreCase)
            || !HasMarker(endpoint, desired.InstanceName);
    }

    /// <summary>Whether the endpoint's metadata says <c>{"managed_by":"payment-events","instance":instanceName}</c>.</summary>
    public static bool HasMarker(WebhookEndpoint endpoint, string instanceName)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Metadata is { } metadata
            && IsString(metadata, PaymentKitOptions.ManagedByKey, PaymentKitOptions.ManagedByValue)
            && IsString(metadata, PaymentKitOptions.InstanceKey, instanceName);
    }

    /// <summary>The existing metadata (another tool's keys kept) with our marker set.</summary>
    private static Dictionary<string, JsonElement> Marker(IReadOnlyDictionary<string, JsonElement>? existing, string instanceName)
    {
        var metadata = existing is null ? new Dictionary<string, JsonElement>(StringComparer.Ordinal) : new(existing, StringComparer.Ordinal);
        metadata[PaymentKitOptions.ManagedByKey] = JsonSerializer.SerializeToElement(PaymentKitOptions.ManagedByValue);
        metadata[PaymentKitOptions.InstanceKey] = JsonSerializer.SerializeToElement(instanceName);
        return metadata;
    }

    private static bool IsString(IReadOnlyDictionary<string, JsonElement> metadata, string key, string expected)
        => metadata.TryGetValue(key, out var value)
            && value.ValueKind == JsonValueKind.String
            && string.Equals(value.GetString(), expected, StringComparison.Ordinal);

    private static bool SameUrl(string? actual, string wanted)
    {
        if (actual is null)
        {
            return false;
        }

        if (string.Equals(actual, wanted, StringComparison.Ordinal))
        {
            return true;
        }

        // Uri equality ignores host case and a default port, which Payment Kit may have normalised.
        return Uri.TryCreate(actual, UriKind.Absolute, out var a) && Uri.TryCreate(wanted, UriKind.Absolute, out var b) && a == b;
    }
}
