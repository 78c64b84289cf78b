using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Notifications;
using ServerlessEvents.Functions.Retention;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Email;

/// <summary>The <c>email</c> subscriber and the tenant's email settings.</summary>
public static class EmailModule
{
    /// <summary>Adds the options, sender, send log, tenant settings, the subscriber and the email notification types.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EmailOptions>(configuration);
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<EmailSendLog>();
        services.AddSingleton<IRetentionParticipant, EmailSendsRetention>();
        services.AddSingleton<TenantEmailSettingsStore>();
        services.AddSingleton<IEventSubscriber, EmailSubscriber>();
        services.AddSingleton<INotificationTypeSource, EmailNotificationTypes>();
        return services;
    }
}
