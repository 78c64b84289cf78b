using System.Text.Json;
using ServerlessEvents.Storage.Tables;
using ServerlessEvents.Storage.Tables.Serialization;

namespace ServerlessEvents.UnitTests.Storage;

public sealed class TableEntitySerializerTests
{
    [Fact]
    public void Writes_edm_annotations_for_types_json_cannot_express()
    {
        var entity = new TableEntity("p", "r")
        {
            ["Big"] = 9_007_199_254_740_993L, ["One"] = 1.0, ["Id"] = Guid.Empty, ["Bin"] = new byte[] { 1, 2 },
            ["When"] = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), ["N"] = 5, ["Flag"] = false, ["Nothing"] = null,
        };

        using var json = JsonDocument.Parse(TableEntitySerializer.ToJson(entity));
        var root = json.RootElement;

        Assert.Equal(("Edm.Int64", "9007199254740993"), (root.GetProperty("Big@odata.type").GetString(), root.GetProperty("Big").GetString()));
        Assert.Equal("Edm.Double", root.GetProperty("One@odata.type").GetString());
        Assert.Equal("1.0", root.GetProperty("One").GetRawText());
        Assert.Equal("Edm.Guid", root.GetProperty("Id@odata.type").GetString());
        Assert.Equal(("Edm.Binary", "AQI="), (root.GetProperty("Bin@odata.type").GetString(), root.GetProperty("Bin").GetString()));
        Assert.Equal(("Edm.DateTime", "2024-01-02T03:04:05.0000000Z"), (root.GetProperty("When@odata.type").GetString(), root.GetProperty("When").GetString()));
        Assert.False(root.TryGetProperty("N@odata.type", out _));
        Assert.False(root.TryGetProperty("Nothing", out _));
        Assert.Equal(5, root.GetProperty("N").GetInt32());
    }

    [Fact]
    public void Reads_annotations_placed_before_or_after_their_value()
    {
        var json = """
            {"odata.etag":"W/\"x\"","PartitionKey":"p","RowKey":"r","Timestamp":"2024-01-02T03:04:05.1234567Z",
             "A@odata.type":"Edm.Int64","A":"12","B":"13","B@odata.type":"Edm.Int64","C":2.0,"D":3,"E":"s"}
            """;

        var entity = TableEntitySerializer.Read<TableEntity>(JsonDocument.Parse(json).RootElement);

        Assert.Equal(12L, entity["A"]);
        Assert.Equal(13L, entity["B"]);
        Assert.Equal(2.0, Assert.IsType<double>(entity["C"]));
        Assert.Equal(3, Assert.IsType<int>(entity["D"]));
        Assert.Equal("W/\"x\"", entity.ETag.ToString());
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567), entity.Timestamp);
        Assert.False(entity.ContainsKey("odata.etag@odata.type"));
    }

    [Fact]
    public void Poco_with_an_unsupported_property_type_is_rejected_with_the_property_name()
    {
        var ex = Assert.Throws<NotSupportedException>(() => TableEntitySerializer.ToJson(new UnsupportedEntity { PartitionKey = "p", RowKey = "r" }));

        Assert.Contains("UnsupportedEntity.Items", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entity_without_keys_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => TableEntitySerializer.ToJson(new TableEntity()));
    }

    [Fact]
    public void Poco_properties_convert_stored_values_of_a_compatible_type()
    {
        var json = """{"PartitionKey":"p","RowKey":"r","Count":7,"Total@odata.type":"Edm.Int64","Total":"42","Ratio":3,"State":"Friday","Maybe":null}""";

        var entity = TableEntitySerializer.Read<ConvertingEntity>(JsonDocument.Parse(json).RootElement);

        Assert.Equal((7L, 42, 3.0, DayOfWeek.Friday, (int?)null), (entity.Count, entity.Total, entity.Ratio, entity.State, entity.Maybe));
    }
}
