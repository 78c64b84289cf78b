namespace ServerlessEvents.Storage.Tables;

/// <summary>A table returned by create operations.</summary>
public class TableItem
{
    public TableItem(string name) => Name = name;

    public string Name { get; }
}
