using System.Net.Http.Headers;

namespace ServerlessEvents.Testing;

/// <summary>A tenant created for a test, with an HttpClient of the host that authenticates as it.</summary>
public sealed class TenantClient : IDisposable
{
    /// <summary>Creates the client.</summary>
    public TenantClient(string tenant, string keyId, string key, string baseUrl)
    {
        Tenant = tenant;
        KeyId = keyId;
        Key = key;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(100) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    /// <summary>The tenant id.</summary>
    public string Tenant { get; }

    /// <summary>The id of its key.</summary>
    public string KeyId { get; }

    /// <summary>The key itself.</summary>
    public string Key { get; }

    /// <summary>A client of the host's <c>/api</c> that sends the key.</summary>
    public HttpClient Http { get; }

    /// <inheritdoc />
    public void Dispose() => Http.Dispose();
}
