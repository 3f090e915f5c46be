using System.Net;
using System.Text.RegularExpressions;

namespace PaymentEvents.Api.Tests.Infrastructure;

/// <summary>The dashboard's sign-in form as a browser fills it: the page, its anti-forgery field, the key.</summary>
public static partial class DashboardLogin
{
    /// <summary>Posts <paramref name="key"/> through the login form (its page fetched first with the same client).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string key, string? returnUrl = null)
    {
        var page = await client.GetStringAsync("dashboard/login");
        var token = TokenField().Match(page);
        Assert.True(token.Success, page);
        var fields = new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
            ["key"] = key,
        };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        return await client.PostAsync("dashboard/login", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
