using System.Text;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>The opaque paging token of the notification list: the last row key returned, base64url-encoded.</summary>
public static class NotificationToken
{
    /// <summary>Encodes a row key.</summary>
    public static string Encode(string rowKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("n1:" + rowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The row key in a token, or a 400 problem when the token is not one this API issued.</summary>
    public static string Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            if (text.StartsWith("n1:", StringComparison.Ordinal) && NotificationKeys.IsRow(text[3..]))
            {
                return text[3..];
            }
        }
        catch (FormatException)
        {
        }
        throw ApiProblemException.BadRequest("The continuation token is not one this API issued.", new FieldError("continuationToken", "is not valid"));
    }
}
