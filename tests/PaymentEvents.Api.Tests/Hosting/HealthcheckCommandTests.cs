namespace PaymentEvents.Api.Tests.Hosting;

public sealed class HealthcheckCommandTests
{
    [Theory]
    [InlineData("http://+:8080", null, "http://127.0.0.1:8080/healthz")]
    [InlineData("http://*:9000;https://*:9443", null, "http://127.0.0.1:9000/healthz")]
    [InlineData("http://0.0.0.0:7000", "8080", "http://127.0.0.1:7000/healthz")]
    [InlineData(null, "8080", "http://127.0.0.1:8080/healthz")]
    [InlineData(null, "8081;8082", "http://127.0.0.1:8081/healthz")]
    [InlineData(null, null, "http://127.0.0.1:5000/healthz")]
    public void Asks_loopback_on_the_port_the_process_listens_on(string? urls, string? httpPorts, string expected)
    {
        var url = HealthcheckCommand.DefaultUrl(name => name switch
        {
            "ASPNETCORE_URLS" => urls,
            "ASPNETCORE_HTTP_PORTS" => httpPorts,
            _ => null,
        });

        Assert.Equal(new Uri(expected), url);
    }
}
