using System.Net;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookAddressClassifierTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("10.1.2.3")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.8")]
    [InlineData("192.0.2.10")]
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::10.0.0.1")]
    [InlineData("64:ff9b::10.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b:1::1")]
    [InlineData("2002:0a00:0001::1")]
    [InlineData("2002:7f00:0001::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")]
    [InlineData("2001:db8::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    [InlineData("fec0::1")]
    [InlineData("ff02::1")]
    [InlineData("100::1")]
    public void Non_public_addresses_are_refused(string address)
    {
        Assert.NotNull(WebhookAddressClassifier.GetRefusal(IPAddress.Parse(address), allowLoopback: false));
    }

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("8.8.8.8")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("192.169.0.1")]
    [InlineData("223.255.255.254")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:0808:0808::1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:81d::200e")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.Null(WebhookAddressClassifier.GetRefusal(IPAddress.Parse(address), allowLoopback: false));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Loopback_is_allowed_only_when_enabled(string address)
    {
        var ip = IPAddress.Parse(address);
        Assert.NotNull(WebhookAddressClassifier.GetRefusal(ip, allowLoopback: false));
        Assert.Null(WebhookAddressClassifier.GetRefusal(ip, allowLoopback: true));
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("fd00::1")]
    [InlineData("0.0.0.0")]
    [InlineData("64:ff9b::7f00:1")]
    public void Allowing_loopback_does_not_allow_other_private_ranges(string address)
    {
        Assert.NotNull(WebhookAddressClassifier.GetRefusal(IPAddress.Parse(address), allowLoopback: true));
    }

    [Theory]
    [InlineData("::ffff:8.8.8.8", "8.8.8.8")]
    [InlineData("::8.8.8.8", "8.8.8.8")]
    [InlineData("8.8.8.8", "8.8.8.8")]
    [InlineData("2606:4700:4700::1111", "2606:4700:4700::1111")]
    public void Normalize_connects_mapped_and_compatible_addresses_as_IPv4(string address, string expected)
    {
        Assert.Equal(IPAddress.Parse(expected), WebhookAddressClassifier.Normalize(IPAddress.Parse(address)));
    }
}
