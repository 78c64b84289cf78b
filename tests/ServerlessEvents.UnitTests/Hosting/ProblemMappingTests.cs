using Azure;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.UnitTests.Hosting;

public sealed class ProblemMappingTests
{
    [Fact]
    public void Exhausted_storage_retries_reported_as_aggregate_of_status_0_map_to_503()
    {
        var exception = new AggregateException(Enumerable.Range(0, 4).Select(_ => new RequestFailedException(0, "connection refused")));

        var problem = ProblemMapping.ToProblem(exception);

        Assert.Equal(503, problem.Status);
    }

    [Fact]
    public void Nested_aggregate_is_judged_by_its_last_inner_failure()
    {
        var exception = new AggregateException(new AggregateException(new InvalidOperationException("defect")));

        Assert.Equal(500, ProblemMapping.ToProblem(exception).Status);
        Assert.Equal(409, ProblemMapping.ToProblem(new AggregateException(new ApiProblemException(409, "t", "d"))).Status);
    }
}
