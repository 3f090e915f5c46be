using Microsoft.AspNetCore.Antiforgery;

namespace PaymentEvents.Dashboard;

/// <summary>
/// What every page needs to render: the dashboard's base URL (path base + <c>Dashboard:Path</c>, so links work behind a
/// proxy prefix), whether the viewer may replay and resolve, and the anti-forgery token for its forms.
/// </summary>
public sealed record DashboardView(string Base, string Section, bool SignedIn, bool CanWrite, string? User, AntiforgeryTokenSet Tokens)
{
    /// <summary>The dashboard URL of one event (its id escaped).</summary>
    public string EventUrl(string id) => $"{Base}/events/{Uri.EscapeDataString(id)}";

    /// <summary>A time as the dashboard shows it.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A duration as the dashboard shows it.</summary>
    public static string Duration(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 1 => $"{duration.TotalMilliseconds:0.#} ms",
        < 120 => $"{duration.TotalSeconds:0.#} s",
        < 7200 => $"{duration.TotalMinutes:0.#} min",
        < 172800 => $"{duration.TotalHours:0.#} h",
        _ => $"{duration.TotalDays:0.#} d",
    };
}
