using System.Text;
using System.Text.RegularExpressions;

namespace ServerlessEvents.Emulators.Smtp;

/// <summary>
/// Just enough MIME (RFC 2045-2047) to check sent mail: unfolded headers with encoded words decoded, and the leaf
/// parts of (nested) multiparts with their transfer encoding (quoted-printable, base64, 7bit/8bit) undone.
/// </summary>
public sealed partial class MimeMessage
{
    private MimeMessage(IReadOnlyDictionary<string, string> headers, IReadOnlyList<(string ContentType, string Body)> parts)
    {
        Headers = headers;
        Parts = parts;
    }

    /// <summary>Header values by lower-case name (the first occurrence), encoded words decoded.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The leaf parts: media type (lower case, no parameters) and decoded text.</summary>
    public IReadOnlyList<(string ContentType, string Body)> Parts { get; }

    /// <summary>The Subject header.</summary>
    public string Subject => Headers.GetValueOrDefault("subject", "");

    /// <summary>The text/plain part.</summary>
    public string Text => Parts.Single(p => p.ContentType == "text/plain").Body;

    /// <summary>The text/html part.</summary>
    public string Html => Parts.Single(p => p.ContentType == "text/html").Body;

    /// <summary>Parses a raw message.</summary>
    public static MimeMessage Parse(string raw)
    {
        var (headers, body) = Split(raw);
        var parts = new List<(string, string)>();
        Collect(headers, body, parts);
        return new MimeMessage(headers, parts);
    }

    private static void Collect(IReadOnlyDictionary<string, string> headers, string body, List<(string, string)> parts)
    {
        var contentType = headers.GetValueOrDefault("content-type", "text/plain");
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var boundary = BoundaryPattern().Match(contentType).Groups[1].Value.Trim('"');
            var sections = body.Split("--" + boundary);
            foreach (var section in sections.Skip(1).TakeWhile(s => !s.StartsWith("--", StringComparison.Ordinal)))
            {
                var (partHeaders, partBody) = Split(section.TrimStart('\r', '\n'));
                Collect(partHeaders, partBody, parts);
            }
            return;
        }
        var charset = CharsetPattern().Match(contentType) is { Success: true } m ? Encoding.GetEncoding(m.Groups[1].Value.Trim('"')) : Encoding.UTF8;
        var bytes = headers.GetValueOrDefault("content-transfer-encoding", "7bit").Trim().ToLowerInvariant() switch
        {
            "quoted-printable" => QuotedPrintable(body),
            "base64" => Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))),
            _ => Encoding.UTF8.GetBytes(body),
        };
        parts.Add((mediaType, charset.GetString(bytes).TrimEnd('\r', '\n')));
    }

    private static (Dictionary<string, string> Headers, string Body) Split(string raw)
    {
        var end = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? raw : raw[..end];
        var body = end < 0 ? "" : raw[(end + 4)..];
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Regex.Replace(head, "\r\n[ \t]+", " ").Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.TryAdd(line[..colon].Trim().ToLowerInvariant(), DecodeWords(line[(colon + 1)..].Trim()));
            }
        }
        return (headers, body);
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>(text.Length);
        var unfolded = text.Replace("=\r\n", "", StringComparison.Ordinal);
        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=' && i + 2 < unfolded.Length && Uri.IsHexDigit(unfolded[i + 1]) && Uri.IsHexDigit(unfolded[i + 2]))
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(unfolded[i].ToString()));
            }
        }
        return bytes.ToArray();
    }

    private static string DecodeWords(string value) =>
        EncodedWordPattern().Replace(Regex.Replace(value, @"\?=\s+=\?", "?==?"), m =>
        {
            var encoding = Encoding.GetEncoding(m.Groups[1].Value);
            var data = m.Groups[3].Value;
            return m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? encoding.GetString(Convert.FromBase64String(data))
                : encoding.GetString(QuotedPrintable(data.Replace('_', ' ')));
        });

    [GeneratedRegex(@"boundary=(""[^""]+""|[^;\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"charset=(""[^""]+""|[^;\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWordPattern();
}
