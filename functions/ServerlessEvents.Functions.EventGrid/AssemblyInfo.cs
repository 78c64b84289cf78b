using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

// The Worker SDK adds this WebJobs extension to the host's extensions project (.azurefunctions/extensions.json).
// 3.3.0 is the version our feed serves.
[assembly: ExtensionInformation("Microsoft.Azure.WebJobs.Extensions.EventGrid", "3.3.0")]
