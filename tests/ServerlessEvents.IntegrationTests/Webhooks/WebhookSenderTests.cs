using ServerlessEvents.Testing.Seams;
using System.Text;
using Microsoft.AspNetCore.Http;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>One-attempt delivery to real Kestrel receivers on loopback (development option on).</summary>
public sealed class WebhookSenderTests
{
    private static readonly WebhookSecret Secret = WebhookSecret.Generate();

    private static SenderHarness Harness(int maxBody = 4096, double timeoutSeconds = 10) => new(new WebhookOptions
    {
        AllowLoopbackTargets = true,
        MaxResponseBodyBytes = maxBody,
        AttemptTimeout = TimeSpan.FromSeconds(timeoutSeconds),
    });

    private static Task<LoopbackReceiver> Respond(int status, Action<HttpResponse>? configure = null, string? body = null) =>
        LoopbackReceiver.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = status;
            configure?.Invoke(context.Response);
            if (body is not null)
            {
                await context.Response.WriteAsync(body);
            }
        });

    [Fact]
    public async Task Receiver_verifies_the_signed_delivery_with_the_StandardWebhooks_package_and_the_attempt_succeeds()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(async (context, request) =>
        {
            var ok = ReceiverVerification.Verifies(request, Secret.Reveal()) && ReceiverVerification.VerifiesLegacy(request, Secret.Reveal());
            context.Response.StatusCode = ok ? 200 : 401;
            await context.Response.WriteAsync(ok ? "thanks" : "unverified");
        });
        using var harness = Harness();
        var message = SenderHarness.Message();

        var result = await harness.Sender.SendAsync(receiver.Url("/hooks/orders"), message, [Secret]);

        Assert.Equal(WebhookAttemptOutcome.Succeeded, result.Outcome);
        Assert.True(result.Succeeded);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("thanks", result.ResponseBody);
        Assert.False(result.ResponseBodyTruncated);
        Assert.Null(result.Error);
        Assert.True(result.Latency > TimeSpan.Zero);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/hooks/orders", request.Path);
        Assert.Equal(message.Body.ToArray(), request.Body);
        Assert.Equal(message.DeliveryId, request.Header("webhook-id"));
        Assert.Equal("order.created", request.Header("X-Event-Type"));
        Assert.Equal("evt-42", request.Header("X-Event-Id"));
        Assert.Equal("application/cloudevents+json", request.Header("Content-Type"));
        Assert.Equal(result.AttemptedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("webhook-timestamp"));
    }

    [Fact]
    public async Task Rotated_secrets_let_a_receiver_holding_only_the_old_secret_verify()
    {
        var oldSecret = WebhookSecret.Generate();
        var newSecret = WebhookSecret.Generate();
        await using var receiver = await LoopbackReceiver.StartAsync((context, request) =>
        {
            context.Response.StatusCode = ReceiverVerification.Verifies(request, oldSecret.Reveal()) ? 204 : 401;
            return Task.CompletedTask;
        });
        using var harness = Harness();

        var result = await harness.Sender.SendAsync(receiver.Url("/"), SenderHarness.Message(), [newSecret, oldSecret]);

        Assert.Equal(WebhookAttemptOutcome.Succeeded, result.Outcome);
        Assert.Equal(2, Assert.Single(receiver.Requests).Header("webhook-signature")!.Split(' ').Length);
    }

    [Fact]
    public async Task Receiver_refuses_a_delivery_signed_with_a_timestamp_older_than_the_tolerance_and_accepts_one_just_inside()
    {
        var verdicts = new System.Collections.Concurrent.ConcurrentQueue<bool>();
        await using var receiver = await LoopbackReceiver.StartAsync((context, request) =>
        {
            var ok = ReceiverVerification.Verifies(request, Secret.Reveal());
            verdicts.Enqueue(ok);
            context.Response.StatusCode = ok ? 204 : 401;
            return Task.CompletedTask;
        });
        var clock = new TestClock { Offset = -(ReceiverVerification.Tolerance + TimeSpan.FromMinutes(1)) };
        using var stale = new SenderHarness(new WebhookOptions { AllowLoopbackTargets = true }, clock: clock);

        var refused = await stale.Sender.SendAsync(receiver.Url("/"), SenderHarness.Message(), [Secret]);
        clock.Offset = -(ReceiverVerification.Tolerance - TimeSpan.FromMinutes(1));
        var accepted = await stale.Sender.SendAsync(receiver.Url("/"), SenderHarness.Message(), [Secret]);

        Assert.Equal(WebhookAttemptOutcome.Retry, refused.Outcome);
        Assert.Equal(401, refused.StatusCode);
        Assert.Equal(WebhookAttemptOutcome.Succeeded, accepted.Outcome);
        Assert.Equal([false, true], verdicts.ToArray());
        var tooOld = receiver.Requests.First();
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => ReceiverVerification.Verify(tooOld, Secret.Reveal()));
        var atSendTime = new TestClock { Offset = -(ReceiverVerification.Tolerance + TimeSpan.FromMinutes(1)) };
        Assert.True(ReceiverVerification.VerifiesAt(tooOld, Secret.Reveal(), atSendTime), "only the timestamp is wrong: the signature holds at send time");
    }

    [Fact]
    public async Task Receiver_rejecting_a_wrong_secret_makes_the_attempt_retry()
    {
        var otherSecret = WebhookSecret.Generate().Reveal();
        await using var receiver = await LoopbackReceiver.StartAsync((context, request) =>
        {
            context.Response.StatusCode = ReceiverVerification.Verifies(request, otherSecret) ? 204 : 401;
            return Task.CompletedTask;
        });
        using var harness = Harness();

        var result = await harness.Sender.SendAsync(receiver.Url("/"), SenderHarness.Message(), [Secret]);

        Assert.Equal(WebhookAttemptOutcome.Retry, result.Outcome);
        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Server_error_is_retried()
    {
        await using var receiver = await Respond(500, body: "boom");
        using var harness = Harness();

        var result = await harness.Sender.SendAsync(receiver.Url("/"), SenderHarness.Message(), [Secret]);

        Assert.Equal(WebhookAttemptOutcome.Retry, result.Outcome);
        Assert.False(result.Succeeded);
        Assert.Equal(500, result.StatusCode);
        Assert.Equal("boom", result.ResponseBody);
        Assert.Contains("500", result.Error, StringComparison.Ordinal);
        Assert.Null(result.RetryAfter);
    }

    [Fact]
    public async Task Gone_means_disable_the_subscription()
    {
        await using var receiver = await Respond(410);
        using var harness = Harness();

        var result = await harness.Sender.SendAsync(receiver.Url("/"), SenderHarness.Message(), [Secret]);

        Assert.Equal(WebhookAttemptOutcome.Gone, result.Outcome);
        Assert.Equal(410, result.StatusCode);
    }

    [Fact]
    public async Task Too_many_requests_with_retry_after_seconds_reports_the_delay()
    {
        await using var receiver = await Respond(429, r => r.Headers.RetryAfter = "7");
        using var harness = Harness();

        var result = await harness.Sender.SendAsync(receiver.Url("/"), SenderHarness.Message(), [Secret]);

        Assert.Equal(WebhookAttemptOutcome.Retry, result.Outcome);
        Assert.Equal(429, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Fact]
    public async Task Unavailable_with_retry_after_http_date_reports_a_delay_until_that_date()
    {
        var until = DateTimeOffset.UtcNow.AddMinutes(10);
        await using var receiver = await Respond(503, r => r.Headers.RetryAfter = until.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        using var harness = Harness();

        var result = await harness.Sender.SendAsync(receiver.Url("/"), SenderHarness.Message(), [Secret]);

        Assert.Equal(503, result.StatusCode);
        Assert.NotNull(result.RetryAfter);
        Assert.InRange(result.RetryAfter.Value, TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Retry_after_is_ignored_on_other_statuses()
    {
        await using var receiver = await Respond(500, r => r.Headers.RetryAfter = "7");
        using var harness = Harness();

        var result = await harness.Sender.SendAsync(receiver.Url("/"), SenderHarness.Message(), [Secret]);

        Assert.Null(result.RetryAfter);
    }

    [Fact]
    public async Task Redirect_is_not_followed_and_is_retried()
    {
        await using var receiver = await LoopbackReceiver.StartAsync((context, request) =>
        {
            if (request.Path == "/start")
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = "/target";
            }

            return Task.CompletedTask;
        });
        using var harness = Harness();

        var result = await harness.Sender.SendAsync(receiver.Url("/start"), SenderHarness.Message(), [Secret]);

        Assert.Equal(WebhookAttemptOutcome.Retry, result.Outcome);
        Assert.Equal(302, result.StatusCode);
        Assert.Contains("Redirect", result.Error, StringComparison.Ordinal);
        Assert.Equal(["/start"], receiver.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Oversized_response_body_is_cut_at_the_cap()
    {
        await using var receiver = await Respond(200, body: new string('x', 100_000));
        using var harness = Harness(maxBody: 4096);

        var result = await harness.Sender.SendAsync(receiver.Url("/"), SenderHarness.Message(), [Secret]);

        Assert.Equal(WebhookAttemptOutcome.Succeeded, result.Outcome);
        Assert.Equal(4096, result.ResponseBody!.Length);
        Assert.True(result.ResponseBodyTruncated);
    }

    [Fact]
    public async Task Body_exactly_at_the_cap_is_not_marked_truncated()
    {
        await using var receiver = await Respond(200, body: new string('y', 64));
        using var harness = Harness(maxBody: 64);

        var result = await harness.Sender.SendAsync(receiver.Url("/"), SenderHarness.Message(), [Secret]);

        Assert.Equal(new string('y', 64), result.ResponseBody);
        Assert.False(result.ResponseBodyTruncated);
    }

    [Fact]
    public async Task Slow_receiver_times_out_and_is_retried()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(async (context, _) =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        });
        using var harness = Harness(timeoutSeconds: 1);

        var result = await harness.Sender.SendAsync(receiver.Url("/"), SenderHarness.Message(), [Secret]);

        Assert.Equal(WebhookAttemptOutcome.Retry, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.Contains("Timed out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_port_is_a_network_error_that_is_retried()
    {
        int port;
        using (var trap = new ConnectionTrap(System.Net.IPAddress.Loopback))
        {
            port = trap.Port;
        }

        using var harness = Harness();

        var result = await harness.Sender.SendAsync(new Uri($"http://127.0.0.1:{port}/"), SenderHarness.Message(), [Secret]);

        Assert.Equal(WebhookAttemptOutcome.Retry, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public async Task Caller_cancellation_propagates_instead_of_becoming_a_result()
    {
        await using var receiver = await Respond(200);
        using var harness = Harness();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            harness.Sender.SendAsync(receiver.Url("/"), SenderHarness.Message(), [Secret], cancelled.Token));
    }

    [Fact]
    public async Task Concurrent_attempts_through_one_sender_are_each_signed_for_their_own_delivery()
    {
        await using var receiver = await LoopbackReceiver.StartAsync((context, request) =>
        {
            context.Response.StatusCode = ReceiverVerification.Verifies(request, Secret.Reveal()) ? 200 : 401;
            return Task.CompletedTask;
        });
        using var harness = Harness();

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            harness.Sender.SendAsync(receiver.Url("/"), new WebhookMessage($"msg_{i}", $"evt-{i}", "order.created", Encoding.UTF8.GetBytes($"{{\"n\":{i}}}")), [Secret])));

        Assert.All(results, r => Assert.Equal(WebhookAttemptOutcome.Succeeded, r.Outcome));
        Assert.Equal(32, receiver.Requests.Select(r => r.Header("webhook-id")).Distinct().Count());
    }

    [Fact]
    public async Task Retries_keep_the_webhook_id_and_resign()
    {
        await using var receiver = await Respond(500);
        using var harness = Harness();
        var message = SenderHarness.Message("msg_retry_same_id");

        await harness.Sender.SendAsync(receiver.Url("/"), message, [Secret]);
        await harness.Sender.SendAsync(receiver.Url("/"), message, [Secret]);

        var requests = receiver.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Equal("msg_retry_same_id", r.Header("webhook-id")));
        Assert.All(requests, r => ReceiverVerification.Verify(r, Secret.Reveal()));
    }
}
