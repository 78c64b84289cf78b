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
    public void A_lone_username_and_a_bad_procurement_address_are_refused()
    {
        var results = Validate(new EmailOptions { SmtpHost = "smtp", SmtpUsername = "u", ProcurementRecipients = "a@example.com, not-an-address" });

        Assert.Contains(results, r => r.MemberNames.Contains(nameof(EmailOptions.SmtpUsername)));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(EmailOptions.ProcurementRecipients)) && r.ErrorMessage!.Contains("not-an-address", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SmtpTlsMode.Implicit, 465)]
    [InlineData(SmtpTlsMode.StartTls, 587)]
    [InlineData(SmtpTlsMode.StartTls, 2525)]
    [InlineData(SmtpTlsMode.Implicit, 2465)]
    public void Implicit_tls_on_465_and_starttls_on_587_are_valid(SmtpTlsMode tls, int port)
    {
        Assert.Empty(Validate(new EmailOptions { SmtpHost = "smtp.example.com", SmtpPort = port, SmtpTls = tls, SmtpUsername = "u", SmtpPassword = "p" }));
    }

    [Theory]
    [InlineData(SmtpTlsMode.StartTls, 465, "Implicit")]
    [InlineData(SmtpTlsMode.None, 465, "Implicit")]
    [InlineData(SmtpTlsMode.Implicit, 587, "StartTls")]
    [InlineData(SmtpTlsMode.Implicit, 25, "StartTls")]
    public void A_tls_mode_that_cannot_work_on_the_well_known_port_is_refused_naming_the_right_one(SmtpTlsMode tls, int port, string advice)
    {
        var error = Assert.Single(Validate(new EmailOptions { SmtpHost = "smtp.example.com", SmtpPort = port, SmtpTls = tls }));

        Assert.Contains(nameof(EmailOptions.SmtpTls), error.MemberNames);
        Assert.Contains("Email:SmtpTls=" + advice, error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smtp.example.com", false)]
    [InlineData("10.0.0.5", false)]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    public void Plain_text_with_a_password_is_only_allowed_to_a_server_on_this_machine(string host, bool allowed)
    {
        var results = Validate(new EmailOptions { SmtpHost = host, SmtpPort = 25, SmtpTls = SmtpTlsMode.None, SmtpUsername = "u", SmtpPassword = "secret-pw" });

        Assert.Equal(allowed, results.Count == 0);
        Assert.All(results, r => Assert.DoesNotContain("secret-pw", r.ErrorMessage, StringComparison.Ordinal));
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
