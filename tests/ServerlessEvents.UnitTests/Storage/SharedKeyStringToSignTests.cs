using ServerlessEvents.Storage;
using ServerlessEvents.Storage.Tables;

namespace ServerlessEvents.UnitTests.Storage;

public sealed class SharedKeyStringToSignTests
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string Date = "Mon, 01 Jan 2024 00:00:00 GMT";
    private static readonly Uri AzuriteQuery = new("http://127.0.0.1:10002/devstoreaccount1/mytable()?$filter=PartitionKey%20eq%20'p'&$top=5");

    [Fact]
    public void Table_SharedKeyLite_matches_the_reference_vector_with_the_account_twice_for_path_style()
    {
        var toSign = SharedKeyStringToSign.TableLite(Date, "devstoreaccount1", AzuriteQuery);

        Assert.Equal(Date + "\n/devstoreaccount1/devstoreaccount1/mytable()", toSign);
        Assert.Equal("lFCDejCFjS/75gYw7uZDqxs5cV7dpD++gcWayVaulBs=", new TableSharedKeyCredential("devstoreaccount1", DevKey).Sign(toSign));
    }

    [Fact]
    public void Table_SharedKey_matches_the_reference_vector()
    {
        var toSign = SharedKeyStringToSign.Table("GET", null, null, Date, "devstoreaccount1", AzuriteQuery);

        Assert.Equal("GET\n\n\n" + Date + "\n/devstoreaccount1/devstoreaccount1/mytable()", toSign);
        Assert.Equal("mkOOxoNrAZNHja5Wu57H9Vs4fxh2RZTy7Jmvcw9G9f4=", new TableSharedKeyCredential("devstoreaccount1", DevKey).Sign(toSign));
    }

    [Fact]
    public void Table_resource_keeps_comp_and_the_percent_encoded_path_but_no_other_query()
    {
        var uri = new Uri("https://acct.table.core.windows.net/orders(PartitionKey='O''Brien',RowKey='a%20b')?comp=acl&NextPartitionKey=x");

        Assert.Equal("/acct/orders(PartitionKey='O''Brien',RowKey='a%20b')?comp=acl", SharedKeyStringToSign.TableResource("acct", uri));
    }

    [Fact]
    public void Queue_SharedKey_has_twelve_header_lines_sorted_ms_headers_and_decoded_sorted_query()
    {
        var uri = new Uri("https://myacct.queue.core.windows.net/myqueue/messages?visibilitytimeout=0&messagettl=-1&popreceipt=a%2Bb");
        var headers = new[] { ("x-ms-version", "2025-11-05"), ("Content-Type", "application/xml"), ("x-ms-date", Date), ("Accept", "x") };

        var toSign = SharedKeyStringToSign.Queue("POST", headers, 42, "myacct", uri);

        Assert.Equal(
            "POST\n\n\n42\n\napplication/xml\n\n\n\n\n\n\n" +
            "x-ms-date:" + Date + "\nx-ms-version:2025-11-05\n" +
            "/myacct/myqueue/messages\nmessagettl:-1\npopreceipt:a+b\nvisibilitytimeout:0",
            toSign);
    }

    [Fact]
    public void Queue_SharedKey_leaves_content_length_empty_when_zero()
    {
        var toSign = SharedKeyStringToSign.Queue("GET", [("x-ms-date", Date)], 0, "a", new Uri("http://127.0.0.1:10001/a/q"));

        Assert.StartsWith("GET\n\n\n\n", toSign);
        Assert.EndsWith("x-ms-date:" + Date + "\n/a/a/q", toSign);
    }

    [Fact]
    public void Invalid_base64_key_is_rejected_without_echoing_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TableSharedKeyCredential("a", "not base64 secret!"));

        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }
}
