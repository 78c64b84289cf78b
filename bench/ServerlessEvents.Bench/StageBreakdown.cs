using Azure;
using Azure.Data.Tables;

namespace ServerlessEvents.Bench;

/// <summary>
/// The storage shapes one accepted single event costs on the synchronous path, each measured alone at the same
/// concurrency against the same Azurite: the commit (2-row entity-group transaction: event and outbox marker),
/// the index and feed upserts (one-row transactions in two partitions), and the mark-published transaction
/// (merge + delete). Their
/// combined capacity bounds what the pipeline can reach relative to the one-insert baseline.
/// </summary>
public sealed class StageBreakdown(BenchEnvironment environment, BenchSettings settings)
{
    /// <summary>Measures each stage at <paramref name="concurrency"/>.</summary>
    public async Task<IReadOnlyList<LoadResult>> RunAsync(int concurrency)
    {
        var table = environment.Azurite.TableServiceClient.GetTableClient(environment.Azurite.UniqueName("stages"));
        await table.CreateIfNotExistsAsync();
        var json = new string('x', BenchEvents.PayloadBytes);
        var run = Guid.NewGuid().ToString("N")[..8];
        var warm = settings.WarmUp / 2;
        var measured = settings.Measured / 2;
        var commit = await LoadRunner.RunAsync("stage:commit-tx2", concurrency, warm, measured, 1, (_, n) => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"c{n % 8}", $"i|{run}{n}") { ["Json"] = json, ["ContentHash"] = run }),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"c{n % 8}", $"o|{run}{n}") { ["IngestedAt"] = DateTimeOffset.UtcNow }),
        ]));
        // The index row and the feed row: one upsert each, in two partitions, sent together.
        var index = await LoadRunner.RunAsync("stage:index+feed-2x-tx1", concurrency, warm, measured, 1, (_, n) => Task.WhenAll(
            table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity($"a{n % 8}", $"{run}{n}") { ["J0"] = json })]),
            table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity($"f{n % 8}", $"{run}{n}") { ["J0"] = json })])));
        var mark = await LoadRunner.RunAsync("stage:mark-tx2", concurrency, warm, measured, 1, async (_, n) =>
        {
            var partition = $"m{n % 8}";
            await table.AddEntityAsync(new TableEntity(partition, $"o|{run}{n}"));
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(partition, $"i|{run}{n}") { ["PublishedAt"] = DateTimeOffset.UtcNow }, ETag.All),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, $"o|{run}{n}"), ETag.All),
            ]);
        });
        // How Azurite prices entities inside a large transaction (what merged completions and batches use).
        var bulk = await LoadRunner.RunAsync("stage:upsert-tx40", concurrency, warm, measured, 40, (_, n) => table.SubmitTransactionAsync(
            Enumerable.Range(0, 40).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity($"b{n % 8}", $"{run}{n}-{i}") { ["J0"] = json }))));
        return [commit, index, mark with { RatioTo = "includes the marker insert it removes" }, bulk with { RatioTo = "entities/s in 40-row transactions" }];
    }
}
