using System.Text;

namespace ServerlessEvents.Functions.Consumers;

/// <summary>
/// The opaque cursor a consumer acknowledges: the consumer's name and a feed position, base64url-encoded.
/// A cursor names its consumer, so one issued to another consumer is recognised and refused.
/// </summary>
public static class ConsumerCursor
{
    private const string Version = "c1:";

    /// <summary>Encodes a position for a consumer.</summary>
    public static string Encode(string consumer, string position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Version + consumer + "\n" + position)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes a cursor into (consumer, position); null when it is not one of ours.</summary>
    public static (string Consumer, string Position)? Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            if (!text.StartsWith(Version, StringComparison.Ordinal) || newline < 0)
            {
                return null;
            }
            var position = text[(newline + 1)..];
            return position.Length == 0 || FeedKeys.StampOf(position) is not null ? (text[Version.Length..newline], position) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
