namespace ServerlessEvents.Functions.Events;

/// <summary>The CloudEvents 1.0 naming rules the event model relies on.</summary>
internal static class CloudEventNames
{
    /// <summary>Extension names: 1-20 characters of a-z and 0-9.</summary>
    public static bool IsExtensionName(string name)
    {
        if (name.Length is 0 or > 20)
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
