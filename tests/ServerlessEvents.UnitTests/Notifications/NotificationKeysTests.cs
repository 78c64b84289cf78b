using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Notifications;

namespace ServerlessEvents.UnitTests.Notifications;

public sealed class NotificationKeysTests
{
    [Fact]
    public void Newer_notifications_sort_first_and_ids_are_deterministic_per_delivery_and_rule()
    {
        var id = NotificationKeys.Id("dedup", "order.shipped");
        var older = NotificationKeys.Row(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), id);
        var newer = NotificationKeys.Row(new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero), id);

        Assert.True(string.CompareOrdinal(newer, older) < 0);
        Assert.Equal(id, NotificationKeys.Id("dedup", "order.shipped"));
        Assert.NotEqual(id, NotificationKeys.Id("dedup~r~replay-1", "order.shipped"));
        Assert.True(NotificationKeys.IsRow(newer));
    }

    [Fact]
    public void Partition_escapes_the_user_id_so_users_cannot_collide()
    {
        Assert.NotEqual(NotificationKeys.Partition("t1", "a|b"), NotificationKeys.Partition("t1|a", "b"));
        Assert.DoesNotContain('/', NotificationKeys.Partition("t1", "a/b#c"));
    }

    [Fact]
    public void Continuation_token_round_trips_and_foreign_tokens_are_a_400()
    {
        var row = NotificationKeys.Row(DateTimeOffset.UnixEpoch, NotificationKeys.Id("k", "r"));

        Assert.Equal(row, NotificationToken.Decode(NotificationToken.Encode(row)));
        Assert.Equal(400, Assert.Throws<ApiProblemException>(() => NotificationToken.Decode("bm90LW91cnM")).Status);
        Assert.Equal(400, Assert.Throws<ApiProblemException>(() => NotificationToken.Decode("!!")).Status);
        Assert.Equal(400, Assert.Throws<ApiProblemException>(() => NotificationToken.Decode(NotificationToken.Encode("n|x"))).Status);
    }

    [Fact]
    public void Unread_notification_past_its_expiry_is_listed_as_expired_but_a_read_one_stays_read()
    {
        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var n = new Notification("id", "u", "t", "title", "body", "normal", null, NotificationStatus.Delivered, created, created.AddDays(1), null, "e", "row");

        Assert.Equal(NotificationStatus.Delivered, n.StatusAt(created.AddHours(23)));
        Assert.Equal(NotificationStatus.Expired, n.StatusAt(created.AddDays(1)));
        Assert.Equal(NotificationStatus.Read, (n with { StoredStatus = NotificationStatus.Read }).StatusAt(created.AddDays(2)));
    }
}
