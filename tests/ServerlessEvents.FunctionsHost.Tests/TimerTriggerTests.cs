namespace ServerlessEvents.FunctionsHost.Tests;

[Collection(SampleHostCollection.Name)]
public sealed class TimerTriggerTests(SampleHostFixture fixture)
{
    [Fact]
    public async Task A_timer_runs_on_its_schedule_with_TimerInfo()
    {
        var since = DateTimeOffset.UtcNow;

        // The schedule "%EverySecondSchedule%" resolves to "*/1 * * * * *".
        var runs = await fixture.Host.WaitForInvocationsAsync(i => i.Function == "EverySecond" && i.StartedAt >= since, 2, TimeSpan.FromSeconds(10));

        Assert.All(runs, r => Assert.True(r.Succeeded, r.ExceptionMessage));
        Assert.All(runs, r => Assert.Contains(r.Logs, l => l.Message == "EverySecond ran; past due False"));
        var gap = runs[1].StartedAt - runs[0].StartedAt;
        Assert.InRange(gap, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(4)); // every second, not every minute
    }

    [Fact]
    public async Task A_timer_runs_on_demand_with_its_next_occurrence()
    {
        var result = await fixture.Host.RunTimerAsync("Hourly");

        Assert.True(result.Succeeded, result.ExceptionMessage);
        var nextHour = DateTime.UtcNow.AddHours(1);
        var expected = new DateTime(nextHour.Year, nextHour.Month, nextHour.Day, nextHour.Hour, 0, 0, DateTimeKind.Utc);
        Assert.Contains(result.Logs, l => l.Message.StartsWith("Hourly ran; past due False; next ", StringComparison.Ordinal)
                                         && DateTime.Parse(l.Message["Hourly ran; past due False; next ".Length..], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal) == expected);
    }

    [Fact]
    public async Task The_admin_call_runs_a_timer_now_answers_202_and_refuses_unknown_and_non_timer_functions()
    {
        var since = DateTimeOffset.UtcNow;
        using var client = fixture.Host.CreateClient();

        using var run = await client.PostAsync("/admin/functions/Hourly", new StringContent("{\"input\":\"\"}", System.Text.Encoding.UTF8, "application/json"));
        using var unknown = await client.PostAsync("/admin/functions/NoSuchFunction", null);
        var http = fixture.Host.Functions.First(f => f.Trigger.Is("httpTrigger")).Name;
        using var notTimer = await client.PostAsync("/admin/functions/" + http, null);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, run.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, notTimer.StatusCode);
        var ran = await fixture.Host.WaitForInvocationsAsync(i => i.Function == "Hourly" && i.StartedAt >= since, 1, TimeSpan.FromSeconds(10));
        Assert.True(ran[0].Succeeded, ran[0].ExceptionMessage);
    }
}
