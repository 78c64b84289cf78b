using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookRetryScheduleTests
{
    private static readonly TimeSpan[] Nominal =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    private static WebhookRetrySchedule Schedule(int seed = 42, double jitter = 0.2, string? schedule = null) =>
        new(Options.Create(new WebhookOptions { JitterFraction = jitter, RetrySchedule = schedule ?? WebhookOptions.DefaultRetrySchedule }), new Random(seed));

    [Fact]
    public void Default_schedule_is_the_Standard_Webhooks_one_with_eight_attempts()
    {
        var schedule = Schedule();
        Assert.Equal(Nominal, schedule.Delays);
        Assert.Equal(8, schedule.MaxAttempts);
    }

    [Fact]
    public void Every_delay_stays_within_twenty_percent_of_its_step()
    {
        var schedule = Schedule(seed: 7);
        for (var round = 0; round < 200; round++)
        {
            for (var attempt = 1; attempt <= Nominal.Length; attempt++)
            {
                var delay = schedule.GetNextDelay(attempt)!.Value;
                var step = Nominal[attempt - 1];
                Assert.InRange(delay, step * 0.8, step * 1.2);
            }
        }
    }

    [Fact]
    public void Jitter_actually_varies_and_a_seed_makes_it_repeatable()
    {
        var a = Enumerable.Range(0, 20).Select(_ => Schedule(seed: 1).GetNextDelay(3)).ToList();
        var seeded = Schedule(seed: 1);
        var b = Enumerable.Range(0, 20).Select(_ => seeded.GetNextDelay(3)).Distinct().Count();
        Assert.Single(a.Distinct());
        Assert.True(b > 10);
    }

    [Fact]
    public void Zero_jitter_gives_the_nominal_delays()
    {
        var schedule = Schedule(jitter: 0);
        Assert.Equal(Nominal, Enumerable.Range(1, Nominal.Length).Select(n => schedule.GetNextDelay(n)!.Value));
    }

    [Fact]
    public void Attempts_are_exhausted_after_the_last_step()
    {
        var schedule = Schedule();
        Assert.NotNull(schedule.GetNextDelay(7));
        Assert.Null(schedule.GetNextDelay(8));
        Assert.Null(schedule.GetNextDelay(20, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.GetNextDelay(0));
    }

    [Fact]
    public void Retry_after_longer_than_the_step_is_honoured()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), Schedule(jitter: 0).GetNextDelay(1, TimeSpan.FromSeconds(90)));
    }

    [Fact]
    public void Retry_after_shorter_than_the_step_does_not_shorten_it()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), Schedule(jitter: 0).GetNextDelay(2, TimeSpan.FromSeconds(7)));
    }

    [Fact]
    public void Retry_after_is_capped_at_the_next_step()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), Schedule(jitter: 0).GetNextDelay(1, TimeSpan.FromDays(3)));
        Assert.Equal(TimeSpan.FromHours(10), Schedule(jitter: 0).GetNextDelay(7, TimeSpan.FromDays(3)));
    }

    [Fact]
    public void Custom_schedule_sets_the_number_of_attempts()
    {
        var schedule = Schedule(jitter: 0, schedule: "00:00:01, 00:00:02");
        Assert.Equal(3, schedule.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), schedule.GetNextDelay(2));
        Assert.Null(schedule.GetNextDelay(3));
    }
}
