using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Email;
using ServerlessEvents.Functions.Notifications;

namespace ServerlessEvents.UnitTests.Notifications;

public sealed class NotificationTypesTests
{
    private static NotificationTypes Compose(bool withEmail)
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddNotifications(configuration);
        if (withEmail)
        {
            services.AddEmail(configuration);
        }
        return services.BuildServiceProvider().GetRequiredService<NotificationTypes>();
    }

    [Fact]
    public void The_preference_types_are_the_union_of_the_in_app_rules_and_the_email_templates_sorted()
    {
        var types = Compose(withEmail: true);

        var expected = NotificationRules.Types.Union(EmailTemplates.Types, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Assert.Equal(expected, types.All);
        Assert.True(types.IsKnown("order.shipped"));
        Assert.False(types.IsKnown("order.unknown"));
    }

    [Fact]
    public void Without_the_email_channel_only_the_in_app_types_are_known()
    {
        var types = Compose(withEmail: false);

        Assert.Equal(NotificationRules.Types.Order(StringComparer.Ordinal), types.All);
        Assert.All(EmailTemplates.Types.Except(NotificationRules.Types), t => Assert.False(types.IsKnown(t)));
        Assert.NotEmpty(EmailTemplates.Types.Except(NotificationRules.Types));
    }
}
