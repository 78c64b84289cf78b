using Microsoft.Extensions.Logging;
using ServerlessEvents.FunctionsHost.Metadata;

namespace ServerlessEvents.FunctionsHost.Timers;

/// <summary>
/// Runs one timer function on its schedule while the worker runs (runOnStartup runs it once first). Runs never
/// overlap; a run that ends after the next occurrence makes that one past due.
/// </summary>
internal sealed class TimerScheduler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    private TimerScheduler()
    {
    }

    public static TimerScheduler Start(FunctionsHost host, WorkerFunction function)
    {
        var schedule = TimerSchedule.Parse(host.Settings.Resolve(function.Trigger.Property("schedule") ?? ""));
        var logger = host.LoggerFactory.CreateLogger<TimerScheduler>();
        var scheduler = new TimerScheduler();
        var token = scheduler._stop.Token;
        scheduler._loop = Task.Run(async () =>
        {
            try
            {
                DateTime? last = null;
                if (function.Trigger.Flag("runOnStartup"))
                {
                    await TimerInvocation.InvokeAsync(host, function, schedule, last, isPastDue: false, token);
                    last = DateTime.UtcNow;
                }
                var next = schedule.Next(DateTime.UtcNow);
                while (!token.IsCancellationRequested)
                {
                    var wait = next - DateTime.UtcNow;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, token);
                    var pastDue = DateTime.UtcNow - next > TimeSpan.FromSeconds(1);
                    await TimerInvocation.InvokeAsync(host, function, schedule, last, pastDue, token);
                    last = next;
                    next = schedule.Next(DateTime.UtcNow);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                HostLog.TimerFailed(logger, e, function.Name);
            }
        });
        return scheduler;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
