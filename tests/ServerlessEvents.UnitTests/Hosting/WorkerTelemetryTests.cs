using Azure.Identity;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.UnitTests.Hosting;

public sealed class WorkerTelemetryTests
{
    [Fact]
    public void No_authentication_string_means_no_credential()
    {
        Assert.Null(WorkerTelemetry.Credential(null));
        Assert.Null(WorkerTelemetry.Credential("  "));
    }

    [Theory]
    [InlineData("ClientId=5b9c6f3e-0000-0000-0000-000000000001;Authorization=AAD")]
    [InlineData(" authorization=aad ; clientid=5b9c6f3e-0000-0000-0000-000000000001 ")]
    [InlineData("Authorization=AAD")]
    public void An_entra_authentication_string_gives_a_managed_identity_credential(string value) =>
        Assert.IsType<ManagedIdentityCredential>(WorkerTelemetry.Credential(value));

    [Theory]
    [InlineData("ClientId=abc")]
    [InlineData("Authorization=Key")]
    public void Any_other_authentication_string_is_refused_at_start_up(string value) =>
        Assert.Throws<InvalidOperationException>(() => WorkerTelemetry.Credential(value));
}
