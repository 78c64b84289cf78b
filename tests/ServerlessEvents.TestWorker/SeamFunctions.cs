using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Testing.Seams;

namespace ServerlessEvents.TestWorker;

/// <summary>The control functions of the seams that tests move while the worker runs. Test worker only.</summary>
public sealed class SeamFunctions(IServiceProvider services)
{
    /// <summary>Shifts the controlled clock: <c>{"offsetTicks": "…"}</c>.</summary>
    [Function("testingClock")]
    public async Task<IResult> ClockAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "testing/clock")] HttpRequest request)
    {
        var clock = services.GetService<TestClock>();
        if (clock is null)
        {
            return Results.Problem(statusCode: 409, title: "The clock is not controlled.", detail: $"Start the test worker with {TestSeams.ControlledClock}=true.");
        }
        var body = (await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted))!.AsObject();
        clock.Offset = TimeSpan.FromTicks(long.Parse(body["offsetTicks"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        return Results.Json(new { now = clock.GetUtcNow() });
    }

    /// <summary>Switches the email send log's simulated outages: <c>{"failChecks": bool, "failRecords": bool}</c>.</summary>
    [Function("testingEmailLog")]
    public async Task<IResult> EmailLogAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "testing/email-log")] HttpRequest request)
    {
        var log = services.GetService<OutageEmailSendLog>();
        if (log is null)
        {
            return Results.Problem(statusCode: 409, title: "The email log is not switchable.", detail: $"Start the test worker with {TestSeams.SwitchableEmailLog}=true.");
        }
        var body = (await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted))!.AsObject();
        log.FailChecks = body["failChecks"]!.GetValue<bool>();
        log.FailRecords = body["failRecords"]!.GetValue<bool>();
        return Results.NoContent();
    }
}
