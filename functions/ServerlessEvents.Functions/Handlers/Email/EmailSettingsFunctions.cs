using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Email;

/// <summary><c>GET</c> and <c>PUT /api/settings/email</c>: the caller's tenant's admin addresses for anomaly alerts.</summary>
public sealed class EmailSettingsFunctions(TenantEmailSettingsStore store)
{
    /// <summary>The most admin addresses a tenant may set.</summary>
    public const int MaxAdminEmails = 20;

    /// <summary>The tenant's admin addresses.</summary>
    [Function("emailSettingsGet"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "settings/email")] HttpRequest request) =>
        Results.Json(Body(await store.GetAdminEmailsAsync(request.HttpContext.Caller().Tenant, request.HttpContext.RequestAborted)));

    /// <summary>Replaces the tenant's admin addresses; 422 naming each bad one.</summary>
    [Function("emailSettingsPut"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> PutAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "settings/email")] HttpRequest request)
    {
        var context = request.HttpContext;
        var body = await RequestJson.ReadObjectAsync(request, context.RequestAborted);
        var emails = Validate(body);
        await store.PutAdminEmailsAsync(context.Caller().Tenant, emails, context.RequestAborted);
        return Results.Json(Body(emails));
    }

    private static JsonObject Body(IReadOnlyList<string> emails) => new() { ["adminEmails"] = new JsonArray(emails.Select(e => (JsonNode?)e).ToArray()) };

    private static IReadOnlyList<string> Validate(JsonObject body)
    {
        var errors = body.Select(p => p.Key).Where(k => k != "adminEmails").Select(k => new FieldError(k, "is not a known setting")).ToList();
        if (body["adminEmails"] is not JsonArray array)
        {
            errors.Add(new FieldError("adminEmails", "is required: an array of email addresses"));
            throw ApiProblemException.Unprocessable("The email settings are invalid.", errors);
        }
        if (array.Count > MaxAdminEmails)
        {
            errors.Add(new FieldError("adminEmails", $"holds at most {MaxAdminEmails} addresses"));
        }
        var emails = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue value && value.TryGetValue<string>(out var email) && EmailAddressList.IsValid(email))
            {
                emails.Add(email);
            }
            else
            {
                errors.Add(new FieldError($"adminEmails[{i}]", "must be an email address"));
            }
        }
        return errors.Count == 0 ? emails.Distinct(StringComparer.OrdinalIgnoreCase).ToArray()
            : throw ApiProblemException.Unprocessable("The email settings are invalid.", errors);
    }
}
