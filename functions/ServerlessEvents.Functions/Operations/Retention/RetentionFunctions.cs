using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Retention;

/// <summary>The hourly <c>retentionSweeper</c> timer and <c>GET/PUT /api/settings/retention</c>.</summary>
public sealed class RetentionFunctions(RetentionSweeper sweeper, RetentionSettingsService settings)
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
        return Results.Json(HttpMethods.IsPut(request.Method)
            ? await settings.SetAsync(tenant, await RequestJson.ReadObjectAsync(context), context.RequestAborted)
            : await settings.GetAsync(tenant, context.RequestAborted));
    }
}
