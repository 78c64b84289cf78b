using ServerlessEvents.Storage.Tables;

namespace ServerlessEvents.UnitTests.Storage;

public sealed class TableOdataFilterTests
{
    [Fact]
    public void Strings_are_quoted_with_single_quotes_doubled()
    {
        Assert.Equal("Name eq 'O''Brien'", TableClient.CreateQueryFilter($"Name eq {"O'Brien"}"));
        Assert.Equal("Name eq ''' or 1 eq 1 or ''='''", TableClient.CreateQueryFilter($"Name eq {"' or 1 eq 1 or '='"}"));
    }

    [Fact]
    public void Typed_values_use_odata_literal_forms()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var when = new DateTimeOffset(2024, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567);

        var filter = TableClient.CreateQueryFilter($"A eq {123L} and B eq {7} and C eq {id} and D ge {when} and E eq {true} and F eq {1.0} and G eq {new byte[] { 1, 171 }}");

        Assert.Equal("A eq 123L and B eq 7 and C eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and D ge datetime'2024-01-02T03:04:05.1234567Z'" +
                     " and E eq true and F eq 1.0 and G eq X'01ab'", filter);
    }

    [Fact]
    public void Null_and_enum_values_are_formatted()
    {
        Assert.Equal("S eq 'Friday' and N eq null", TableClient.CreateQueryFilter($"S eq {DayOfWeek.Friday} and N eq {(string?)null}"));
    }
}
