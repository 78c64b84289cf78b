using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ServerlessEvents.Testing;

/// <summary>Reads an OpenAPI document with Microsoft.OpenApi, the library clients generate from it with.</summary>
public static class OpenApiReading
{
    /// <summary>The document and every error and warning the reader reported.</summary>
    public static (OpenApiDocument? Document, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, OpenApiSpecVersion Version) Read(byte[] json)
    {
        using var stream = new MemoryStream(json);
        var result = OpenApiDocument.Load(stream, "json", new OpenApiReaderSettings());
        var diagnostic = result.Diagnostic!;
        return (result.Document,
            diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}").ToArray(),
            diagnostic.Warnings.Select(w => $"{w.Pointer}: {w.Message}").ToArray(),
            diagnostic.SpecificationVersion);
    }
}
