using Azure.Core;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>Options of <see cref="SignalRServiceClient"/>; retries, timeouts and diagnostics come from <see cref="ClientOptions"/>.</summary>
public sealed class SignalRServiceClientOptions : ClientOptions
{
    /// <summary>The default data-plane API version (it has sends, groups and <c>:generateToken</c>).</summary>
    public const string DefaultApiVersion = "2024-01-01";

    /// <summary>The <c>api-version</c> sent on every call. Default <see cref="DefaultApiVersion"/>.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>The lifetime of the access-key token that signs one REST request. Default 5 minutes.</summary>
    public TimeSpan ServerTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock tokens are stamped with. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
