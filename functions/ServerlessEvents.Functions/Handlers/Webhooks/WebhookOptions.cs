using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Webhook delivery settings, bound from the <c>Webhooks</c> section (app settings: <c>Webhooks__{Property}</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>The default retry schedule: delays after the immediate attempt (Standard Webhooks / Svix).</summary>
    public const string DefaultRetrySchedule = "00:00:05,00:05:00,00:30:00,02:00:00,05:00:00,10:00:00,10:00:00";

    /// <summary>
    /// Development only: allow <c>http</c> and <c>https</c> targets on loopback (127.0.0.0/8, ::1, <c>localhost</c>).
    /// Every other private or special address stays refused. Default <c>false</c>.
    /// </summary>
    public bool AllowLoopbackTargets { get; set; }

    /// <summary>Time allowed for one attempt: connect, send, response headers and the capped body. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed to resolve and connect (TCP and TLS) to a target. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most bytes of a receiver's response body kept (for the delivery log); reading stops there. Default 4096.</summary>
    [Range(0, 1024 * 1024)]
    public int MaxResponseBodyBytes { get; set; } = 4096;

    /// <summary>
    /// Comma-separated delays (TimeSpan format, e.g. <c>00:05:00</c>) before each retry after the immediate attempt;
    /// their count is the number of retries. Default <see cref="DefaultRetrySchedule"/> (8 attempts over about 28 h).
    /// </summary>
    [Required]
    [RetrySchedule]
    public string RetrySchedule { get; set; } = DefaultRetrySchedule;

    /// <summary>Random spread applied to each scheduled delay, as a fraction (0.2 = ±20%). Default 0.2.</summary>
    [Range(0.0, 0.5)]
    public double JitterFraction { get; set; } = 0.2;

    /// <summary>How long a replaced secret keeps signing alongside its successor after a rotation. Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SecretRotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A subscription whose deliveries have all failed for this long is disabled. Default 5 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan AutoDisableAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>
    /// Time allowed for the immediate attempt the <c>webhooks</c> function makes while handling the event (the fast path);
    /// a slower receiver is retried from the queue. Default 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:05:00")]
    public TimeSpan FastPathTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most fast-path deliveries of one event sent at once. Default 8.</summary>
    [Range(1, 64)]
    public int MaxParallelDeliveries { get; set; } = 8;

    /// <summary>Largest event body (bytes) kept on the delivery row for retries; larger bodies are re-read from the event store. Default 48 KiB.</summary>
    [Range(0, 60 * 1024)]
    public int MaxStoredBodyBytes { get; set; } = 48 * 1024;

    /// <summary>The parsed <see cref="RetrySchedule"/>.</summary>
    public IReadOnlyList<TimeSpan> GetRetryDelays() =>
        RetryScheduleAttribute.TryParse(RetrySchedule, out var delays, out var error)
            ? delays
            : throw new InvalidOperationException(error);
}
