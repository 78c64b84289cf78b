using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>The user ids the notification API accepts: 1-128 characters (as SignalR negotiate accepts), no control characters (escaped for table keys).</summary>
public static class UserIds
{
    /// <summary>The longest user id.</summary>
    public const int MaxLength = 128;

    /// <summary>True for an id the API (and SignalR negotiate) can address.</summary>
    public static bool IsValid(string userId) => userId.Length is > 0 and <= MaxLength && !userId.Any(char.IsControl);

    /// <summary>Returns the id, or throws a 400 problem.</summary>
    public static string Require(string userId) =>
        IsValid(userId)
            ? userId
            : throw ApiProblemException.BadRequest($"userId must be 1-{MaxLength} characters without control characters.", new FieldError("userId", "is not a valid user id"));
}
