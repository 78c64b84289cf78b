using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Makes one signed delivery attempt through the SSRF-guarded handler: fresh timestamp, POST, status, capped
/// response body, latency, and the outcome (2xx succeeds, 410 is gone, a refused target is refused, anything
/// else including 3xx and timeouts is retried). Stores nothing. Thread-safe; one shared <see cref="HttpClient"/>.
/// </summary>
public sealed partial class WebhookSender : IDisposable
{
    private readonly WebhookSigner _signer;
    private readonly WebhookTargetPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookSender> _logger;
    private readonly HttpClient _client;
    private readonly TimeSpan _attemptTimeout;
    private readonly int _maxBody;

    /// <summary>Creates the sender and its HTTP client.</summary>
    public WebhookSender(IOptions<WebhookOptions> options, WebhookSigner signer, WebhookTargetPolicy policy, SsrfGuard guard, TimeProvider time, ILogger<WebhookSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(guard);
        _signer = signer ?? throw new ArgumentNullException(nameof(signer));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _attemptTimeout = options.Value.AttemptTimeout;
        _maxBody = options.Value.MaxResponseBodyBytes;
        _client = new HttpClient(guard.CreateHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ServerlessEvents-Webhooks", "1.0"));
    }

    /// <summary>Signs and POSTs <paramref name="message"/> to <paramref name="target"/> once.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<WebhookAttemptResult> SendAsync(Uri target, WebhookMessage message, IReadOnlyList<WebhookSecret> secrets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var attemptedAt = _time.GetUtcNow();
        if (!_policy.TryValidate(target, out var refusal))
        {
            return Log(message, target, new WebhookAttemptResult(WebhookAttemptOutcome.Refused, null, TimeSpan.Zero, $"Target refused: {refusal}", null, false, null, attemptedAt));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ReadOnlyMemoryContent(message.Body) };
        foreach (var (name, value) in _signer.CreateHeaders(message, secrets, attemptedAt))
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_attemptTimeout);
        var started = _time.GetTimestamp();
        WebhookAttemptResult result;
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            result = await ReadResponseAsync(response, attemptedAt, started, timeout.Token, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            result = Failure(WebhookAttemptOutcome.Retry, $"Timed out after {_attemptTimeout.TotalSeconds:0.###} s.", attemptedAt, started);
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refused)
        {
            result = Failure(WebhookAttemptOutcome.Refused, refused.Message, attemptedAt, started);
        }
        catch (HttpRequestException ex)
        {
            result = Failure(WebhookAttemptOutcome.Retry, Describe(ex), attemptedAt, started);
        }

        return Log(message, target, result);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async Task<WebhookAttemptResult> ReadResponseAsync(HttpResponseMessage response, DateTimeOffset attemptedAt, long started, CancellationToken token, CancellationToken callerToken)
    {
        var status = (int)response.StatusCode;
        var (outcome, error) = status switch
        {
            >= 200 and < 300 => (WebhookAttemptOutcome.Succeeded, (string?)null),
            410 => (WebhookAttemptOutcome.Gone, "The receiver answered 410 Gone: the subscription should be disabled."),
            >= 300 and < 400 => (WebhookAttemptOutcome.Retry, $"Redirect ({status}) not followed; the subscription URL must point at the receiver itself."),
            _ => (WebhookAttemptOutcome.Retry, $"The receiver answered {status}."),
        };
        var retryAfter = status is 429 or 503 ? ParseRetryAfter(response.Headers.RetryAfter) : null;
        string? body = null;
        var truncated = false;
        try
        {
            (body, truncated) = await ReadCappedAsync(response.Content, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException && !callerToken.IsCancellationRequested)
        {
            var note = ex is OperationCanceledException ? "Timed out reading the response body." : "The response body could not be read.";
            error = error is null ? note : $"{error} {note}";
        }

        return new WebhookAttemptResult(outcome, status, _time.GetElapsedTime(started), error, body, truncated, retryAfter, attemptedAt);
    }

    private async Task<(string? Body, bool Truncated)> ReadCappedAsync(HttpContent content, CancellationToken token)
    {
        if (_maxBody == 0)
        {
            return (null, false);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(_maxBody);
        try
        {
            var stream = await content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var total = 0;
                int read;
                while (total < _maxBody && (read = await stream.ReadAsync(buffer.AsMemory(total, _maxBody - total), token).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                var truncated = total == _maxBody && await stream.ReadAsync(new byte[1], token).ConfigureAwait(false) > 0;
                return (total == 0 ? null : Encoding.UTF8.GetString(buffer, 0, total), truncated);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private TimeSpan? ParseRetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private WebhookAttemptResult Failure(WebhookAttemptOutcome outcome, string error, DateTimeOffset attemptedAt, long started) =>
        new(outcome, null, _time.GetElapsedTime(started), error, null, false, null, attemptedAt);

    private static WebhookTargetRefusedException? FindRefusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is WebhookTargetRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static string Describe(HttpRequestException ex) =>
        ex.InnerException is { } inner && inner.Message != ex.Message ? $"{ex.Message} ({inner.Message})" : ex.Message;

    private WebhookAttemptResult Log(WebhookMessage message, Uri target, WebhookAttemptResult result)
    {
        if (result.Succeeded)
        {
            LogDelivered(message.DeliveryId, message.EventType, target.IdnHost, result.StatusCode, result.Latency.TotalMilliseconds);
        }
        else
        {
            LogFailed(message.DeliveryId, message.EventType, target.IdnHost, result.Outcome, result.StatusCode, result.Latency.TotalMilliseconds, result.Error);
        }

        return result;
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Webhook {DeliveryId} ({EventType}) delivered to {TargetHost}: {StatusCode} in {LatencyMs:0.0} ms")]
    private partial void LogDelivered(string deliveryId, string eventType, string targetHost, int? statusCode, double latencyMs);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Webhook {DeliveryId} ({EventType}) to {TargetHost} failed: {Outcome} {StatusCode} after {LatencyMs:0.0} ms: {Error}")]
    private partial void LogFailed(string deliveryId, string eventType, string targetHost, WebhookAttemptOutcome outcome, int? statusCode, double latencyMs, string? error);
}
