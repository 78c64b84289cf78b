using ServerlessEvents.Storage.Tables;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableTypedRoundTripTests(AzuriteFixture azurite)
{
    private const long BeyondDoublePrecision = 9_007_199_254_740_993L; // 2^53 + 1
    private const string TrickyText = "He said \"it's\" <ok> & 日本語 🚀 \\ done";
    private static readonly DateTimeOffset Precise = new DateTimeOffset(2024, 2, 29, 23, 59, 58, TimeSpan.FromHours(2)).AddTicks(1_234_567);

    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.TableServiceClient.GetTableClient(azurite.UniqueName());
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task TableEntity_values_keep_their_edm_types()
    {
        var table = await NewTableAsync();
        var id = Guid.NewGuid();
        await table.AddEntityAsync(new TableEntity("p", "r")
        {
            ["Big"] = BeyondDoublePrecision, ["Negative"] = long.MinValue, ["When"] = Precise, ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 2, 254, 255 }, ["Flag"] = true, ["One"] = 1.0, ["Half"] = 0.5,
            ["Count"] = 42, ["Text"] = TrickyText,
        });

        var e = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.IsType<long>(e["Big"]);
        Assert.Equal(BeyondDoublePrecision, e.GetInt64("Big"));
        Assert.Equal(long.MinValue, e.GetInt64("Negative"));
        Assert.Equal(Precise, e.GetDateTimeOffset("When"));
        Assert.Equal(TimeSpan.Zero, e.GetDateTimeOffset("When")!.Value.Offset);
        Assert.Equal(id, e.GetGuid("Id"));
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, e.GetBinary("Bytes"));
        Assert.True(e.GetBoolean("Flag"));
        Assert.IsType<double>(e["One"]);
        Assert.Equal(1.0, e.GetDouble("One"));
        Assert.Equal(0.5, e.GetDouble("Half"));
        Assert.IsType<int>(e["Count"]);
        Assert.Equal(42, e.GetInt32("Count"));
        Assert.Equal(TrickyText, e.GetString("Text"));
    }

    [Fact]
    public async Task Poco_properties_round_trip_through_add_get_and_query()
    {
        var table = await NewTableAsync();
        var order = new TypedOrder
        {
            PartitionKey = "p", RowKey = "r", Big = BeyondDoublePrecision, When = Precise, WhenUtc = Precise.UtcDateTime,
            Id = Guid.NewGuid(), Bytes = [9, 8, 7], Data = BinaryData.FromString("bin"), Flag = true, Ratio = 1.0,
            Count = -3, Text = TrickyText, OptionalBig = 5, State = OrderState.Shipped, Ignored = "changed",
        };
        await table.AddEntityAsync(order);

        var read = (await table.GetEntityAsync<TypedOrder>("p", "r")).Value;
        var raw = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        var queried = Assert.Single(await table.QueryAsync<TypedOrder>().ToListAsync());

        foreach (var o in new[] { read, queried })
        {
            Assert.Equal(order.Big, o.Big);
            Assert.Equal(order.When, o.When);
            Assert.Equal(order.WhenUtc, o.WhenUtc);
            Assert.Equal(DateTimeKind.Utc, o.WhenUtc.Kind);
            Assert.Equal(order.Id, o.Id);
            Assert.Equal(order.Bytes, o.Bytes);
            Assert.Equal("bin", o.Data!.ToString());
            Assert.True(o.Flag);
            Assert.Equal(1.0, o.Ratio);
            Assert.Equal(-3, o.Count);
            Assert.Equal(TrickyText, o.Text);
            Assert.Null(o.Missing);
            Assert.Equal(5, o.OptionalBig);
            Assert.Equal(OrderState.Shipped, o.State);
            Assert.Equal("not stored", o.Ignored);
            Assert.NotEqual(default, o.ETag);
            Assert.NotNull(o.Timestamp);
        }
        Assert.IsType<double>(raw["Ratio"]);
        Assert.Equal("Shipped", raw.GetString("State"));
        Assert.False(raw.ContainsKey("Ignored"));
        Assert.False(raw.ContainsKey("Missing"));
    }

    [Fact]
    public async Task Poco_update_with_its_etag_then_stale_etag_gives_412()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TypedOrder { PartitionKey = "p", RowKey = "r", Count = 1 });
        var read = (await table.GetEntityAsync<TypedOrder>("p", "r")).Value;

        read.Count = 2;
        await table.UpdateEntityAsync(read, read.ETag);
        var ex = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => table.UpdateEntityAsync(read, read.ETag));

        Assert.Equal(412, ex.Status);
    }
}
