namespace PaymentEvents.Handlers;

/// <summary>Where <c>AddPaymentEvents</c> looked for handler classes, for the message when it found none.</summary>
/// <param name="Source">"the application assembly" or "the assemblies passed to AddPaymentEvents".</param>
/// <param name="AssemblyNames">The assemblies scanned.</param>
/// <param name="ApplicationName">The host's application name (the assembly scanned by default).</param>
internal sealed record HandlerScan(string Source, IReadOnlyList<string> AssemblyNames, string ApplicationName);
