using ServerlessEvents.Functions.Hosting;
namespace ServerlessEvents.Functions.Ingestion;

/// <summary>The value rules of CloudEvents context attributes. A broken rule is semantic (422).</summary>
internal static class AttributeRules
{
    public const int MaxIdLength = 256;
    public const int MaxSourceLength = 1024;
    public const int MaxSubjectLength = 1024;

    public static void Check(EventDraft d)
    {
        var f = d.Fields;
        var e = d.Errors;
        if (d.SpecVersion is { } version && version != "1.0")
        {
            e.Semantic("specversion", $"must be \"1.0\", not \"{version}\"");
        }
        if (d.Id is { } id)
        {
            CheckText(e, f.Id, id, MaxIdLength);
        }
        if (d.Source is { } source && CheckText(e, f.Source, source, MaxSourceLength) && !IsUriReference(source))
        {
            e.Semantic(f.Source, "must be a URI-reference such as /myapp/orders or https://example.com/shop");
        }
        if (d.Type is { Length: 0 })
        {
            e.Semantic(f.Type, "must not be empty");
        }
        if (d.Subject is { } subject && subject.Length > MaxSubjectLength)
        {
            e.Semantic(f.Subject, $"must be at most {MaxSubjectLength} characters long");
        }
        else if (d.Subject is { } s && HasControl(s))
        {
            e.Semantic(f.Subject, "must not contain control characters");
        }
        if (d.Time is { } time && !Rfc3339.IsDateTime(time))
        {
            e.Semantic(f.Time, "must be an RFC 3339 date-time with an offset, such as 2024-05-01T12:00:00Z");
        }
        if (d.DataSchema is { } schema && !Uri.TryCreate(schema, UriKind.Absolute, out _))
        {
            e.Semantic(f.DataSchema, "must be an absolute URI");
        }
    }

    /// <summary>RFC 3986 URI-reference: only unreserved, reserved and well-formed percent-encoded characters.</summary>
    public static bool IsUriReference(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return false;
                }
                i += 2;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && "-._~:/?#[]@!$&'()*+,;=".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }
        return Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _);
    }

    private static bool CheckText(ItemErrors e, string field, string value, int max)
    {
        if (value.Length == 0)
        {
            e.Semantic(field, "must not be empty");
            return false;
        }
        if (value.Length > max)
        {
            e.Semantic(field, $"must be at most {max} characters long");
            return false;
        }
        if (HasControl(value))
        {
            e.Semantic(field, "must not contain control characters");
            return false;
        }
        return true;
    }

    private static bool HasControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }
        return false;
    }
}
