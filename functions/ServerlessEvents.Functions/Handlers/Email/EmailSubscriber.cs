using System.Text.Json;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Notifications;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Email;

/// <summary>
/// The <c>email</c> function: renders the template of the event (<see cref="EmailTemplates"/>), resolves the
/// recipients, skips users who refused email for the type, and sends each recipient's mail once per delivery
/// (<see cref="EmailSendLog"/>: check, send, record). Data that cannot be mailed is a permanent failure; an SMTP or
/// storage failure fails the invocation so Event Grid retries. With no SMTP host it skips every event with a log line.
/// </summary>
public sealed partial class EmailSubscriber(
    IOptions<EmailOptions> options, EventTypeCatalog catalog, SmtpEmailSender sender, EmailSendLog sends,
    UserPreferencesStore preferences, TenantEmailSettingsStore tenantSettings, ILogger<EmailSubscriber> logger) : IEventSubscriber
{
    /// <inheritdoc />
    public string FunctionName => "email";

    /// <inheritdoc />
    public async Task<SubscriberResult> HandleAsync(DeliveredEvent delivered, CancellationToken cancellationToken)
    {
        var e = delivered.Event;
        if (!options.Value.Enabled)
        {
            LogDisabled(logger, e.Id, e.Type);
            return SubscriberResult.Skipped("Email is not configured.");
        }
        var plan = Render(delivered);
        if (plan is null)
        {
            return SubscriberResult.Skipped($"No email for {e.Type}.");
        }
        // A user id the preferences API cannot address (UserIds) cannot have opted out.
        if (plan.UserId is not null && UserIds.IsValid(plan.UserId) && !await preferences.AllowsAsync(delivered.Tenant, plan.UserId, plan.NotificationType, NotificationChannels.Email, cancellationToken))
        {
            LogOptedOut(logger, e.Id, e.Type);
            return SubscriberResult.Skipped("The user refused email for this type.");
        }
        foreach (var recipient in await RecipientsAsync(delivered.Tenant, plan, cancellationToken))
        {
            if (await sends.WasSentAsync(delivered.Tenant, delivered.DedupKey, recipient, cancellationToken))
            {
                continue;
            }
            try
            {
                await sender.SendAsync(new EmailMessage(recipient, plan.Subject, plan.Text, plan.Html), cancellationToken);
            }
            catch (EmailRejectedException rejected)
            {
                throw new PermanentEventFailureException(rejected.Message, rejected);
            }
            await sends.RecordAsync(delivered.Tenant, delivered.DedupKey, recipient, e, plan.Subject, cancellationToken);
            LogSent(logger, e.Id, e.Type);
        }
        return SubscriberResult.Done;
    }

    private EmailPlan? Render(DeliveredEvent delivered)
    {
        try
        {
            return EmailTemplates.Render(delivered.Event, catalog);
        }
        catch (JsonException invalid)
        {
            throw new PermanentEventFailureException($"The {delivered.Event.Type} data cannot be read: {invalid.Message}", invalid);
        }
    }

    private async Task<IReadOnlyList<string>> RecipientsAsync(string tenant, EmailPlan plan, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> recipients = plan.Audience switch
        {
            EmailAudience.Direct => EmailAddressList.IsValid(plan.To) ? [plan.To!] : [],
            EmailAudience.Procurement => options.Value.ProcurementList,
            _ => await tenantSettings.GetAdminEmailsAsync(tenant, cancellationToken),
        };
        return recipients.Count > 0 ? recipients : throw new PermanentEventFailureException(plan.Audience switch
        {
            EmailAudience.Direct => $"{plan.NotificationType} has no deliverable recipient address.",
            EmailAudience.Procurement => "No procurement recipients are configured (Email__ProcurementRecipients).",
            _ => "The tenant has no admin email addresses (PUT /api/settings/email).",
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email is disabled (no Email__SmtpHost); skipped event {EventId} of type {EventType}")]
    private static partial void LogDisabled(ILogger logger, string eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Information, Message = "The recipient of event {EventId} ({EventType}) opted out of email for it; nothing sent")]
    private static partial void LogOptedOut(ILogger logger, string eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the {EventType} email for event {EventId}")]
    private static partial void LogSent(ILogger logger, string eventId, string eventType);
}
