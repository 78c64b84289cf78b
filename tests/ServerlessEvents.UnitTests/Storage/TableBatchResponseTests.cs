using ServerlessEvents.Storage.Tables;

namespace ServerlessEvents.UnitTests.Storage;

public sealed class TableBatchResponseTests
{
    [Fact]
    public void Failure_reads_the_action_index_status_and_code_from_the_failed_part()
    {
        var part = new TableOperationResponse(409, "Conflict", new Dictionary<string, string>(),
            BinaryData.FromString("""{"odata.error":{"code":"EntityAlreadyExists","message":{"lang":"en-US","value":"57:The specified entity already exists."}}}"""));

        var ex = TableBatchResponse.Failure(part, 100);

        Assert.Equal(57, ex.FailedTransactionActionIndex);
        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
    }

    [Fact]
    public void Failure_without_an_index_prefix_leaves_the_index_unknown()
    {
        var part = new TableOperationResponse(400, "Bad Request", new Dictionary<string, string>(),
            BinaryData.FromString("""{"odata.error":{"code":"InvalidInput","message":{"value":"Bad batch."}}}"""));

        Assert.Null(TableBatchResponse.Failure(part, 3).FailedTransactionActionIndex);
    }
}
