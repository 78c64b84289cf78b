namespace ServerlessEvents.Functions.OpenApi;

/// <summary>The OpenAPI document of the API.</summary>
public static class OpenApiModule
{
    /// <summary>Adds the document builder (the document is built on first use and kept).</summary>
    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services)
    {
        services.AddSingleton<OpenApiDocumentBuilder>();
        return services;
    }
}
