using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Notifications;

/// <summary>Calls of the notification API used by several tests.</summary>
internal static class NotificationClient
{
    /// <summary>One page; asserts 200.</summary>
    public static async Task<JsonObject> PageAsync(this TenantClient tenant, string userId, bool unread, int limit, string? token = null)
    {
        var url = $"/api/users/{Uri.EscapeDataString(userId)}/notifications?unread={(unread ? "true" : "false")}&limit={limit}"
            + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
        using var response = await tenant.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Every item, following continuation tokens; also returns the number of pages.</summary>
    public static async Task<(List<JsonObject> Items, int Pages)> AllPagesAsync(this TenantClient tenant, string userId, bool unread, int limit)
    {
        var items = new List<JsonObject>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await tenant.PageAsync(userId, unread, limit, token);
            pages++;
            var pageItems = page["items"]!.AsArray().Select(n => n!.AsObject()).ToList();
            Assert.True(pageItems.Count <= limit);
            items.AddRange(pageItems);
            token = page["continuationToken"]?.GetValue<string>();
            Assert.True(pages <= 50, "paging does not end");
        }
        while (token is not null);
        return (items, pages);
    }

    /// <summary>Marks a notification read; returns the status code.</summary>
    public static async Task<HttpStatusCode> MarkReadAsync(this TenantClient tenant, string userId, string id)
    {
        using var response = await tenant.Http.PostAsync($"/api/users/{Uri.EscapeDataString(userId)}/notifications/{id}/read", null);
        return response.StatusCode;
    }
}
