using System.ComponentModel.DataAnnotations;
using ServerlessEvents.Functions.Email;

namespace ServerlessEvents.UnitTests.Notifications;

public sealed class EmailOptionsTests
{
    private static List<ValidationResult> Validate(EmailOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_are_valid_and_leave_email_disabled()
    {
        var options = new EmailOptions();

        Assert.Empty(Validate(options));
        Assert.False(options.Enabled);
        Assert.Equal(587, options.SmtpPort);
        Assert.Equal(SmtpTlsMode.StartTls, options.SmtpTls);
    }

    [Fact]
    public void Implicit_tls_a_lone_username_and_a_bad_procurement_address_are_refused()
    {
        var results = Validate(new EmailOptions { SmtpHost = "smtp", SmtpTls = SmtpTlsMode.Implicit, SmtpUsername = "u", ProcurementRecipients = "a@example.com, not-an-address" });

        Assert.Contains(results, r => r.MemberNames.Contains(nameof(EmailOptions.SmtpTls)));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(EmailOptions.SmtpUsername)));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(EmailOptions.ProcurementRecipients)) && r.ErrorMessage!.Contains("not-an-address", StringComparison.Ordinal));
    }

    [Fact]
    public void Procurement_list_is_split_trimmed_and_deduplicated()
    {
        var options = new EmailOptions { ProcurementRecipients = " a@example.com;B@example.com , A@EXAMPLE.com ,," };

        Assert.Equal(["a@example.com", "B@example.com"], options.ProcurementList);
    }

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("Ada <ada@example.com>", false)]
    [InlineData("ada@localhost", false)]
    [InlineData("a b@example.com", false)]
    [InlineData("", false)]
    public void Only_bare_deliverable_addresses_are_valid(string address, bool valid)
    {
        Assert.Equal(valid, EmailAddressList.IsValid(address));
    }
}
