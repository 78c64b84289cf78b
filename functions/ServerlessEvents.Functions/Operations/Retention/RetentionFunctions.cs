using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Retention;

/// <summary>The hourly <c>retentionSweeper</c> timer and <c>GET/PUT /api/settings/retention</c>.</summary>
public sealed class RetentionFunctions(RetentionSweeper sweeper, RetentionStore store, IOptions<RetentionOptions> options)
{
    /// <summary>Sweeps every tenant (at 20 past each hour); checkpoints let a run cut short by its deadline resume.</summary>
    [Function("retentionSweeper")]
    public Task SweepAsync([TimerTrigger("0 20 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);

    /// <summary>The tenant's retention period in days; PUT <c>{"days": 1..3650}</c> sets it.</summary>
    [Function("retentionSettings"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> SettingsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = "settings/retention")] HttpRequest request)
    {
        var context = request.HttpContext;
        var tenant = context.Caller().Tenant;
        if (HttpMethods.IsPut(request.Method))
        {
            var body = await RequestJson.ReadObjectAsync(context);
            var days = body["days"] is JsonValue value && value.TryGetValue<int>(out var d) && d is >= 1 and <= RetentionModule.MaxDays ? d
                : throw ApiProblemException.BadRequest($"days must be a whole number from 1 to {RetentionModule.MaxDays}.", new FieldError("days", $"must be 1..{RetentionModule.MaxDays}"));
            await store.SetDaysAsync(tenant, days, context.RequestAborted);
        }
        var own = await store.GetDaysAsync(tenant, context.RequestAborted);
        return Results.Json(new JsonObject { ["days"] = own ?? options.Value.DefaultDays, ["isDefault"] = own is null });
    }
}
