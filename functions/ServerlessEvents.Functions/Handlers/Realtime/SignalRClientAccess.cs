namespace ServerlessEvents.Functions.Realtime;

/// <summary>What a SignalR client needs to connect: the negotiate answer <c>{ "url", "accessToken" }</c>.</summary>
/// <param name="Url">The client URL, <c>{endpoint}/client/?hub={hub}</c>.</param>
/// <param name="AccessToken">The client's token; it names the user (<c>nameid</c>).</param>
/// <param name="ExpiresOn">When the token expires (clients connected before then stay connected).</param>
public sealed record SignalRClientAccess(Uri Url, string AccessToken, DateTimeOffset ExpiresOn);
