namespace ServerlessEvents.IntegrationTests.Storage;

/// <summary>An enum property of <see cref="TypedOrder"/> (stored by name).</summary>
public enum OrderState
{
    Created,
    Shipped,
}
