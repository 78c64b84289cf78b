namespace ServerlessEvents.Functions.Catalog;

/// <summary>The JSON Schema <c>type</c> keyword as flags; <see cref="Any"/> when the keyword is absent.</summary>
[Flags]
internal enum JsonTypes
{
    Any = 0,
    Null = 1,
    Boolean = 2,
    Integer = 4,
    Number = 8,
    String = 16,
    Array = 32,
    Object = 64,
}
