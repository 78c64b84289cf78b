using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ServerlessEvents.Bench;

/// <summary>
/// Delivers CloudEvents to an eventGridTrigger function the way Event Grid does for an AzureFunction subscription:
/// a POST to the host's extension webhook (<c>/runtime/webhooks/eventgrid?functionName=</c>, the host double's front
/// door here) with <c>aeg-event-type: Notification</c>; the host hands the event to the worker.
/// </summary>
public static class EventGridInvoker
{
    /// <summary>Delivers one event to <paramref name="function"/>; returns the webhook's status (202, or 500 when the function failed).</summary>
    public static async Task<int> DeliverAsync(HttpClient host, string function, JsonObject cloudEvent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/runtime/webhooks/eventgrid?functionName=" + Uri.EscapeDataString(function))
        {
            Content = JsonContent.Create(cloudEvent),
        };
        request.Headers.Add("aeg-event-type", "Notification");
        using var response = await host.SendAsync(request);
        return (int)response.StatusCode;
    }
}
