using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ServerlessEvents.SampleWorker;

/// <summary>Timers: one on a seconds schedule, one hourly (run on demand in tests).</summary>
public sealed class TimerFunctions(ILogger<TimerFunctions> logger)
{
    [Function("EverySecond")]
    public void EverySecond([TimerTrigger("%EverySecondSchedule%")] TimerInfo timer) =>
        logger.LogInformation("EverySecond ran; past due {IsPastDue}", timer.IsPastDue);

    [Function("Hourly")]
    public void Hourly([TimerTrigger("0 0 * * * *")] TimerInfo timer) =>
        logger.LogInformation("Hourly ran; past due {IsPastDue}; next {Next:O}", timer.IsPastDue, timer.ScheduleStatus?.Next);
}
