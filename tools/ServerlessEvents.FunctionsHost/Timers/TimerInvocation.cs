using System.Text.Json;
using ServerlessEvents.FunctionsHost.Metadata;
using ServerlessEvents.FunctionsHost.Rpc;

namespace ServerlessEvents.FunctionsHost.Timers;

/// <summary>Invokes a timer function with the TimerInfo JSON the host sends (no retry on failure).</summary>
internal static class TimerInvocation
{
    public static Task<InvocationResult> InvokeAsync(FunctionsHost host, WorkerFunction function, TimerSchedule schedule, DateTime? last, bool isPastDue, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var timerInfo = JsonSerializer.Serialize(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = last ?? DateTime.MinValue, Next = schedule.Next(now), LastUpdated = now },
            IsPastDue = isPastDue,
        });
        return host.InvokeAsync(function, [new ParameterBinding { Name = function.Trigger.Name, Data = TypedDataText.Json(timerInfo) }],
            new Dictionary<string, TypedData>(), cancellationToken: cancellationToken);
    }
}
