using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Notifications;

[Collection(NotifyPipelineCollection.Name)]
public sealed class NotificationTests(NotifyPipelineFixture pipeline)
{
    private static JsonObject Shipped(string id, string userId, int minute)
    {
        var e = EventSamples.CloudEvent(id, "order.shipped", EventSamples.DataFor("order.shipped", id),
            time: new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero).AddMinutes(minute).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        e["userid"] = userId;
        return e;
    }

    [Fact]
    public async Task Same_event_delivered_three_times_creates_one_notification_and_sends_one_email()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var to = $"thrice-{tenant.Tenant}@example.com";
        var e = EventSamples.CloudEvent("thrice", data: EventSamples.OrderCreatedData("o-3x", to));
        e["userid"] = "u-3x";
        var published = await pipeline.IngestAsync(tenant, e);

        for (var i = 0; i < 3; i++)
        {
            Assert.All(await pipeline.Host.DeliverToSubscribersAsync(published), o => Assert.True(o.Succeeded, o.Function));
        }

        Assert.Single(pipeline.Smtp.MessagesTo(to));
        var page = await tenant.PageAsync("u-3x", unread: false, limit: 50);
        var notification = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal("Order o-3x received", notification["title"]!.GetValue<string>());
        // The signalr subscriber sends the event itself to the same user; the notification pushes are the other target.
        var pushes = pipeline.SignalR.SentToUser(tenant.Tenant + ":u-3x").Where(p => p.Target == "notification").ToArray();
        Assert.Equal(3, pushes.Length);
        Assert.All(pushes, p => Assert.Equal(notification["id"]!.GetValue<string>(), p.Argument!["id"]!.GetValue<string>()));
        Assert.Equal(3, pipeline.SignalR.SentToUser(tenant.Tenant + ":u-3x").Count(p => p.Target == "event"));
        Assert.Empty(pipeline.SignalR.Rejections);
    }

    [Fact]
    public async Task Paging_newest_first_through_unread_and_all_notifications_returns_each_once()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        const string user = "pager|ü#1";
        var batch = Enumerable.Range(0, 25).Select(i => Shipped($"page-{i:D2}", user, i)).ToArray();
        using (var response = await tenant.Http.PostBatchAsync(batch))
        {
            Assert.True(response.IsSuccessStatusCode);
        }
        foreach (var e in batch)
        {
            Assert.True((await pipeline.Host.DeliverEventGridAsync("notifications", await pipeline.PublishedAsync(tenant, e["id"]!.GetValue<string>()))).Succeeded);
        }
        var (all, _) = await tenant.AllPagesAsync(user, unread: false, limit: 10);
        Assert.Equal(25, all.Count);
        var toRead = all.Where((_, i) => i % 4 == 1).Select(n => n["id"]!.GetValue<string>()).ToHashSet();
        foreach (var id in toRead)
        {
            Assert.Equal(HttpStatusCode.OK, await tenant.MarkReadAsync(user, id));
        }

        var (unread, unreadPages) = await tenant.AllPagesAsync(user, unread: true, limit: 10);
        var (everything, allPages) = await tenant.AllPagesAsync(user, unread: false, limit: 10);

        Assert.Equal(25 - toRead.Count, unread.Count);
        Assert.Equal(3, allPages);
        Assert.Equal(2, unreadPages);
        Assert.DoesNotContain(unread, n => toRead.Contains(n["id"]!.GetValue<string>()));
        Assert.Equal(25, everything.Select(n => n["id"]!.GetValue<string>()).Distinct().Count());
        var expectedOrder = Enumerable.Range(0, 25).Reverse().Select(i => $"Your order o-page-{i:D2} has shipped").ToArray();
        Assert.Equal(expectedOrder, everything.Select(n => n["title"]!.GetValue<string>()));
        Assert.Equal(expectedOrder.Where((_, i) => i % 4 != 1), unread.Select(n => n["title"]!.GetValue<string>()));
        Assert.All(everything, n => Assert.Equal(toRead.Contains(n["id"]!.GetValue<string>()) ? "read" : "delivered", n["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Redelivery_repushes_an_unfetched_notification_but_not_one_the_user_has_fetched()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var published = await pipeline.IngestAsync(tenant, Shipped("repush-1", "u-repush", 0));

        var user = tenant.Tenant + ":u-repush";

        Assert.True((await pipeline.Host.DeliverEventGridAsync("notifications", published)).Succeeded);
        var first = Assert.Single(pipeline.SignalR.SentToUser(user));
        Assert.True((await pipeline.Host.DeliverEventGridAsync("notifications", published)).Succeeded);
        var again = pipeline.SignalR.SentToUser(user);
        var fetched = Assert.Single((await tenant.PageAsync("u-repush", unread: true, limit: 5))["items"]!.AsArray())!;
        var afterFetch = await pipeline.Host.DeliverEventGridAsync("notifications", published);

        Assert.Equal("notification", first.Target);
        Assert.Equal("sent", first.Argument!["status"]!.GetValue<string>());
        Assert.Equal(2, again.Count);
        Assert.Equal(first.Argument!["id"]!.GetValue<string>(), again[1].Argument!["id"]!.GetValue<string>());
        Assert.Equal("delivered", fetched["status"]!.GetValue<string>());
        Assert.True(afterFetch.Succeeded);
        Assert.Equal(2, pipeline.SignalR.SentToUser(user).Count);
    }

    [Fact]
    public async Task Another_tenant_sees_no_notifications_of_the_user_and_cannot_mark_them_read()
    {
        using var owner = await pipeline.CreateTenantAsync();
        using var other = await pipeline.CreateTenantAsync();
        var published = await pipeline.IngestAsync(owner, Shipped("iso-1", "u-shared", 0));
        Assert.True((await pipeline.Host.DeliverEventGridAsync("notifications", published)).Succeeded);
        var id = (await owner.PageAsync("u-shared", unread: true, limit: 5))["items"]![0]!["id"]!.GetValue<string>();

        var seen = await other.PageAsync("u-shared", unread: false, limit: 50);
        var markStatus = await other.MarkReadAsync("u-shared", id);

        Assert.Empty(seen["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, markStatus);
        var still = Assert.Single((await owner.PageAsync("u-shared", unread: true, limit: 5))["items"]!.AsArray())!;
        Assert.Equal(id, still["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, await owner.MarkReadAsync("u-shared", id));
        Assert.Empty((await owner.PageAsync("u-shared", unread: true, limit: 5))["items"]!.AsArray());
    }

    [Fact]
    public async Task Event_for_a_user_id_no_client_can_address_is_rejected_once_as_a_system_error()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var published = await pipeline.IngestAsync(tenant, Shipped("long-user", new string('u', 129), 0));

        var outcome = await pipeline.Host.DeliverEventGridAsync("notifications", published);

        Assert.True(outcome.Succeeded, "a permanent failure must not be retried");
        Assert.DoesNotContain(pipeline.SignalR.Requests, r => r.User?.StartsWith(tenant.Tenant + ":", StringComparison.Ordinal) == true);
        using var response = await tenant.Http.GetAsync("/api/events?type=system.error");
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray())!["data"]!;
        Assert.Equal("notifications", error["handler"]!.GetValue<string>());
        Assert.Equal("long-user", error["originalEventId"]!.GetValue<string>());
    }

    [Fact]
    public async Task User_who_refused_in_app_notifications_for_a_type_gets_none_and_no_push()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        using (var put = await tenant.Http.PutAsync("/api/users/u-quiet/preferences", EventSamples.Content(
            """{"preferences":{"order.shipped":{"inApp":false}}}""", "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        var published = await pipeline.IngestAsync(tenant, Shipped("quiet-1", "u-quiet", 0));

        var outcome = await pipeline.Host.DeliverEventGridAsync("notifications", published);

        Assert.True(outcome.Succeeded);
        Assert.Empty(pipeline.SignalR.SentToUser(tenant.Tenant + ":u-quiet"));
        Assert.Empty((await tenant.PageAsync("u-quiet", unread: false, limit: 5))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_push_signalr_refuses_fails_the_invocation_and_the_redelivery_pushes_it_as_sent()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var published = await pipeline.IngestAsync(tenant, Shipped("outage-1", "u-outage", 0));
        var user = tenant.Tenant + ":u-outage";

        pipeline.SignalR.FailNext(3);
        var failed = await pipeline.Host.DeliverEventGridAsync("notifications", published);
        var redelivered = await pipeline.Host.DeliverEventGridAsync("notifications", published);

        Assert.False(failed.Succeeded, "a refused push must be redelivered");
        Assert.True(redelivered.Succeeded);
        var pushed = Assert.Single(pipeline.SignalR.SentToUser(user));
        Assert.Equal("sent", pushed.Argument!["status"]!.GetValue<string>());
        var listed = Assert.Single((await tenant.PageAsync("u-outage", unread: true, limit: 5))["items"]!.AsArray())!;
        Assert.Equal(pushed.Argument["id"]!.GetValue<string>(), listed["id"]!.GetValue<string>());
    }
}
