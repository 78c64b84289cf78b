using Azure;

namespace ServerlessEvents.Storage.Tables;

/// <summary>A <see cref="NullableResponse{T}"/> without a value (e.g. a 404 from GetEntityIfExists).</summary>
internal sealed class NoValueResponse<T>(Response response) : NullableResponse<T>
{
    public override bool HasValue => false;

    public override T Value => throw new InvalidOperationException(
        $"The response has no value (status {response.Status}); check HasValue first.");

    public override Response GetRawResponse() => response;
}
