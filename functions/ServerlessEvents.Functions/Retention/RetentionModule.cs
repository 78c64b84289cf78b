using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Retention;

/// <summary>Retention: the sweeper, its participants and <c>GET/PUT /api/settings/retention</c>.</summary>
public static class RetentionModule
{
    /// <summary>The largest period a tenant may set, in days.</summary>
    public const int MaxDays = 3_650;

    /// <summary>Adds the retention services.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RetentionOptions>(configuration);
        services.AddSingleton<RetentionStore>();
        services.AddSingleton<EventRetention>();
        services.AddSingleton<RetentionSweeper>();
        services.AddSingleton<IRetentionParticipant, HandlerFailuresRetention>();
        services.AddSingleton<IRetentionParticipant, WebhookDeliveriesRetention>();
        services.AddSingleton<IRetentionParticipant, NotificationsRetention>();
        services.AddSingleton<IRetentionParticipant, EmailSendsRetention>();
        services.AddSingleton<IRetentionObserver, RetentionMetricsObserver>();
        return services;
    }

    /// <summary>Maps the sweeper and the settings function.</summary>
    public static IEndpointRouteBuilder MapRetention(this IEndpointRouteBuilder endpoints)
    {
        RetentionSweeper.Map(endpoints);
        endpoints.MapHttpFunction("retentionSettings", async (HttpContext context, RetentionStore store, IOptions<RetentionOptions> options) =>
        {
            var tenant = context.Caller().Tenant;
            if (HttpMethods.IsPut(context.Request.Method))
            {
                var body = await RequestJson.ReadObjectAsync(context);
                var days = body["days"] is JsonValue value && value.TryGetValue<int>(out var d) && d is >= 1 and <= MaxDays ? d
                    : throw ApiProblemException.BadRequest($"days must be a whole number from 1 to {MaxDays}.", new FieldError("days", $"must be 1..{MaxDays}"));
                await store.SetDaysAsync(tenant, days, context.RequestAborted);
            }
            var own = await store.GetDaysAsync(tenant, context.RequestAborted);
            return Results.Json(new JsonObject { ["days"] = own ?? options.Value.DefaultDays, ["isDefault"] = own is null });
        }).RequireTenant();
        return endpoints;
    }
}
