using PaymentEvents;
using PaymentEvents.Api;

var builder = WebApplication.CreateBuilder(args);

builder.AddApiHost();
builder.AddPaymentEvents(typeof(Program).Assembly);

var app = builder.Build();

app.UseApiHost();
app.MapPaymentEvents();

app.Run();

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
