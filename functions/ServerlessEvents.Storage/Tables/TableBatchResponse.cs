using System.Globalization;
using System.Text.RegularExpressions;
using Azure;

namespace ServerlessEvents.Storage.Tables;

/// <summary>
/// Parses a $batch (202) response: one <c>application/http</c> part per operation, or a single part for
/// the failing operation whose error message starts with "n:" (its 0-based index).
/// </summary>
internal static partial class TableBatchResponse
{
    public static IReadOnlyList<TableOperationResponse> Parse(Response response)
    {
        var text = response.Content.ToString();
        var boundary = FindBoundary(text) ?? FindBoundary(response.Headers.ContentType ?? "")
            ?? throw new RequestFailedException(response.Status, "The $batch response has no multipart boundary.", null, null);
        var parts = new List<TableOperationResponse>();
        foreach (var chunk in text.Split("--" + boundary))
        {
            var statusAt = chunk.IndexOf("HTTP/1.1 ", StringComparison.Ordinal);
            if (statusAt < 0) continue;
            parts.Add(ParsePart(chunk[statusAt..]));
        }
        return parts;
    }

    /// <summary>Builds the exception for a failed part, reading the action index from the "n:" message prefix.</summary>
    public static TableTransactionFailedException Failure(TableOperationResponse failed, int actionCount)
    {
        var (code, message) = StorageErrorParser.Parse(failed.Content.ToMemory().Span);
        failed.TryGetHeaderValue(StorageConstants.ErrorCodeHeader, out var headerCode);
        code = headerCode ?? code;
        int? index = null;
        var match = message is null ? null : IndexPrefix().Match(message);
        if (match is { Success: true } && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < actionCount)
        {
            index = i;
        }
        var text = $"The transaction failed at action {(index?.ToString(CultureInfo.InvariantCulture) ?? "?")} " +
                   $"with status {failed.Status} ({code}): {message}";
        return new TableTransactionFailedException(new RequestFailedException(failed.Status, text, code, null), index);
    }

    private static TableOperationResponse ParsePart(string part)
    {
        var lines = part.Split("\r\n");
        var statusLine = lines[0].Split(' ', 3);
        var status = int.Parse(statusLine[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var index = 1;
        for (; index < lines.Length && lines[index].Length > 0; index++)
        {
            var colon = lines[index].IndexOf(':');
            if (colon > 0) headers[lines[index][..colon].Trim()] = lines[index][(colon + 1)..].Trim();
        }
        var body = string.Join("\r\n", lines.Skip(index + 1)).Trim();
        return new TableOperationResponse(status, statusLine.Length > 2 ? statusLine[2] : "", headers, BinaryData.FromString(body));
    }

    private static string? FindBoundary(string text)
    {
        var match = BoundaryPattern().Match(text);
        return match.Success ? match.Groups[1].Value.Trim('"') : null;
    }

    [GeneratedRegex(@"boundary=(""?[^\s;""]+""?)")]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"^\s*(\d+):")]
    private static partial Regex IndexPrefix();
}
