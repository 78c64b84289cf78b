using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>The opaque paging token of the notification list: the last row key returned, base64url-encoded.</summary>
public static class NotificationToken
{
    /// <summary>Encodes a row key.</summary>
    public static string Encode(string rowKey) => PagingToken.Encode("n1", rowKey);

    /// <summary>The row key in a token, or a 400 problem when the token is not one this API issued.</summary>
    public static string Decode(string token)
    {
        return PagingToken.Decode("n1", token) is { } rowKey && NotificationKeys.IsRow(rowKey)
            ? rowKey
            : throw ApiProblemException.BadRequest("The continuation token is not one this API issued.", new FieldError("continuationToken", "is not valid"));
    }
}
