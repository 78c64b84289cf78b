using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookTargetPolicyTests
{
    private static WebhookTargetPolicy Policy(bool allowLoopback = false) =>
        new(Options.Create(new WebhookOptions { AllowLoopbackTargets = allowLoopback }));

    [Theory]
    [InlineData("https://hooks.example.com/in")]
    [InlineData("https://hooks.example.com:8443/in?token=abc")]
    [InlineData("https://8.8.8.8/hook")]
    [InlineData("https://[2606:4700:4700::1111]/hook")]
    public void Public_https_urls_are_accepted(string url)
    {
        Assert.Equal(new Uri(url), Policy().ValidateUrl(url));
    }

    [Theory]
    [InlineData("http://hooks.example.com/in", "https")]
    [InlineData("ftp://hooks.example.com/in", "scheme")]
    [InlineData("file:///etc/passwd", "scheme")]
    [InlineData("https://user:pass@hooks.example.com/in", "userinfo")]
    [InlineData("https://user@hooks.example.com/in", "userinfo")]
    [InlineData("https://127.0.0.1/", "loopback")]
    [InlineData("https://localhost/", "loopback")]
    [InlineData("https://api.localhost/", "loopback")]
    [InlineData("https://10.1.2.3/", "10.0.0.0/8")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "169.254")]
    [InlineData("https://[::1]/", "loopback")]
    [InlineData("https://[::ffff:10.0.0.1]/", "10.0.0.0/8")]
    [InlineData("https://[fd00::1]/", "unique local")]
    [InlineData("https://0.0.0.0/", "0.0.0.0/8")]
    [InlineData("https://2130706433/", "loopback")]
    [InlineData("https://0x7f.1/", "loopback")]
    [InlineData("hooks.example.com/in", "absolute")]
    [InlineData("/unix/path", "scheme")]
    [InlineData("not a url", "absolute")]
    public void Unsafe_urls_are_refused_with_the_rule(string url, string rule)
    {
        var ex = Assert.Throws<WebhookTargetRefusedException>(() => Policy().ValidateUrl(url));
        Assert.Contains(rule, ex.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pass", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("http://localhost:7071/hook")]
    [InlineData("http://[::1]:8080/")]
    public void Loopback_is_accepted_over_http_or_https_when_enabled(string url)
    {
        Policy(allowLoopback: true).ValidateUrl(url);
    }

    [Theory]
    [InlineData("http://hooks.example.com/in")]
    [InlineData("http://10.0.0.1/in")]
    [InlineData("https://192.168.0.10/in")]
    public void Enabling_loopback_keeps_http_and_private_targets_refused(string url)
    {
        Assert.Throws<WebhookTargetRefusedException>(() => Policy(allowLoopback: true).ValidateUrl(url));
    }
}
