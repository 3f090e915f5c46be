using System.Net;
using System.Text;
using PaymentEvents.Api.Tests.Infrastructure;
using PaymentEvents.Api.Tests.Receiver;

namespace PaymentEvents.Api.Tests.Hardening;

/// <summary>Validly signed deliveries whose iat/exp could never expire, or are not usable yet, are refused by the host.</summary>
public sealed class SignatureWindowTests(ReceiverHostFixture fixture) : IClassFixture<ReceiverHostFixture>
{
    private readonly ReceiverHost _host = fixture.Host;

    [Theory]
    [InlineData("Infinity", "Infinity", HttpStatusCode.BadRequest)]
    [InlineData("1e308", "1e308", HttpStatusCode.BadRequest)]
    [InlineData("now", "Infinity", HttpStatusCode.BadRequest)]
    [InlineData("now+10y", "now+10y+300", HttpStatusCode.Unauthorized)]
    [InlineData("now", "now+1d", HttpStatusCode.Unauthorized)]
    public async Task Validly_signed_but_unusable_window_is_refused_and_not_stored(string iat, string exp, HttpStatusCode expected)
    {
        var id = TestEvents.NewId();
        var body = Encoding.UTF8.GetBytes(TestEvents.Json(id));
        var headers = _host.Signer.SignV1At("POST", ReceiverHost.CallbackPath, null, body, Seconds(iat), Seconds(exp));

        var response = await _host.CreateClient().SendAsync(ReceiverHost.Delivery(body, ReceiverHost.CallbackPath, headers));

        await CallbackStatusTests.AssertProblemAsync(response, expected, null);
        Assert.Null(await _host.Store.GetAsync(id, CancellationToken.None));
    }

    private string Seconds(string text)
    {
        var now = _host.Time.GetUtcNow().ToUnixTimeSeconds();
        return text switch
        {
            "now" => now.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "now+1d" => (now + 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "now+10y" => (now + (3650L * 86_400)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "now+10y+300" => (now + (3650L * 86_400) + 300).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => text,
        };
    }
}
