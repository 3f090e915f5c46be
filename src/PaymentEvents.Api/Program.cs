using PaymentEvents;

var builder = WebApplication.CreateBuilder(args);

builder.AddPaymentEvents(typeof(Program).Assembly);

var app = builder.Build();

app.MapPaymentEvents();

app.Run();

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
