using ServerlessEvents.Storage;

namespace ServerlessEvents.UnitTests.Storage;

public sealed class StorageConnectionStringTests
{
    [Fact]
    public void Development_storage_uses_azurite_default_endpoints_and_account()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), parsed.QueueEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_are_used_as_given()
    {
        var parsed = StorageConnectionString.Parse(
            "DefaultEndpointsProtocol=http;AccountName=dev;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:5/dev;QueueEndpoint=http://127.0.0.1:6/dev;");

        Assert.Equal(("dev", "a2V5"), (parsed.AccountName, parsed.AccountKey));
        Assert.Equal(new Uri("http://127.0.0.1:5/dev"), parsed.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:6/dev"), parsed.QueueEndpoint);
    }

    [Fact]
    public void Endpoint_suffix_builds_host_style_endpoints()
    {
        var parsed = StorageConnectionString.Parse("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://acct.table.core.chinacloudapi.cn"), parsed.TableEndpoint);
        Assert.Equal(new Uri("https://acct.queue.core.chinacloudapi.cn"), parsed.QueueEndpoint);
    }

    [Theory]
    [InlineData("AccountName=acct")]
    [InlineData("garbage")]
    [InlineData("AccountName=acct;AccountKey=c2VjcmV0;SharedAccessSignature=sv=1")]
    public void Invalid_connection_strings_are_rejected_without_echoing_the_key(string connectionString)
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));

        Assert.DoesNotContain("c2VjcmV0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_does_not_contain_the_key()
    {
        Assert.DoesNotContain("c2VjcmV0", StorageConnectionString.Parse("AccountName=a;AccountKey=c2VjcmV0").ToString(), StringComparison.Ordinal);
    }
}
