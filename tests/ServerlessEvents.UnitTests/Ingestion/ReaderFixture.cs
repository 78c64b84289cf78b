using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Ingestion;

namespace ServerlessEvents.UnitTests.Ingestion;

/// <summary>A reader with a fixed clock and sequential ids, plus helpers to run requests through it.</summary>
public static class ReaderFixture
{
    public static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
    public const string NowText = "2026-01-02T03:04:05.6780000Z";
    public static readonly EventTypeCatalog Catalog = new();

    public const string OrderData =
        """{"orderId":"o-1","customerId":"c-1","customerEmail":"ann@example.com","total":12.5,"currency":"EUR","items":[{"sku":"S1","name":"Mug","quantity":2,"unitPrice":6.25}]}""";

    public static IncomingEventReader Reader(int maxBatch = 500) =>
        new(Catalog, new SequentialIds(), new FixedTime(Now), Options.Create(new EventReaderOptions { MaxBatchSize = maxBatch }));

    public static IReadOnlyList<IncomingEventResult> Read(string? contentType, string body, bool batch = false, IHeaderDictionary? headers = null, IncomingEventReader? reader = null) =>
        (reader ?? Reader()).Read(contentType, headers ?? new HeaderDictionary(), Encoding.UTF8.GetBytes(body), batch);

    public static CanonicalEvent Single(string? contentType, string body, IHeaderDictionary? headers = null)
    {
        var result = Assert.Single(Read(contentType, body, headers: headers));
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Event!;
    }

    /// <summary>The status and field names of a request that should fail, whether whole or per item.</summary>
    public static (int Status, IReadOnlyList<FieldError> Errors) Failure(string? contentType, string body, bool batch = false, IHeaderDictionary? headers = null, IncomingEventReader? reader = null)
    {
        try
        {
            var results = Read(contentType, body, batch, headers, reader);
            var failed = results.First(r => !r.IsValid);
            return (failed.Status, failed.Errors);
        }
        catch (ApiProblemException problem)
        {
            return (problem.Status, problem.Errors);
        }
    }

    public sealed class SequentialIds : IEventIdGenerator
    {
        private int _next;
        public string NewId() => "gen-" + Interlocked.Increment(ref _next);
    }

    public sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
