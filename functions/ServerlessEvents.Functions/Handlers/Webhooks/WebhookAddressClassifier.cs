using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Decides whether a webhook may connect to an IP address: only public unicast addresses pass
/// (plus loopback when allowed for development). IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96)
/// and 6to4 (2002::/16) IPv6 addresses are judged by the IPv4 address they embed.
/// </summary>
internal static class WebhookAddressClassifier
{
    /// <summary>Null when the address is allowed, otherwise the rule that refuses it.</summary>
    public static string? GetRefusal(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => CheckV4(ReadV4(address.GetAddressBytes()), allowLoopback),
            AddressFamily.InterNetworkV6 => CheckV6(address.GetAddressBytes(), allowLoopback),
            _ => "not an IP address",
        };
    }

    /// <summary>The address to actually connect to: IPv4-mapped and IPv4-compatible IPv6 become their IPv4 address.</summary>
    public static IPAddress Normalize(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        return address.IsIPv4MappedToIPv6 || IsV4Compatible(bytes) ? new IPAddress(bytes.AsSpan(12, 4)) : address;
    }

    private static string? CheckV4(uint a, bool allowLoopback) => a switch
    {
        _ when a >> 24 == 0 => "0.0.0.0/8 (this network)",
        _ when a >> 24 == 10 => "private 10.0.0.0/8",
        _ when (a & 0xFFC0_0000) == 0x6440_0000 => "carrier-grade NAT 100.64.0.0/10",
        _ when a >> 24 == 127 => allowLoopback ? null : "loopback 127.0.0.0/8",
        _ when (a & 0xFFFF_0000) == 0xA9FE_0000 => "link-local 169.254.0.0/16 (cloud metadata)",
        _ when (a & 0xFFF0_0000) == 0xAC10_0000 => "private 172.16.0.0/12",
        _ when (a & 0xFFFF_FF00) == 0xC000_0000 => "IETF protocol assignments 192.0.0.0/24",
        _ when (a & 0xFFFF_FF00) == 0xC000_0200 => "documentation 192.0.2.0/24",
        _ when (a & 0xFFFF_FF00) == 0xC058_6300 => "6to4 relay anycast 192.88.99.0/24",
        _ when (a & 0xFFFF_0000) == 0xC0A8_0000 => "private 192.168.0.0/16",
        _ when (a & 0xFFFE_0000) == 0xC612_0000 => "benchmarking 198.18.0.0/15",
        _ when (a & 0xFFFF_FF00) == 0xC633_6400 => "documentation 198.51.100.0/24",
        _ when (a & 0xFFFF_FF00) == 0xCB00_7100 => "documentation 203.0.113.0/24",
        _ when a >> 28 == 0xE => "multicast 224.0.0.0/4",
        _ when a >> 28 == 0xF => "reserved or broadcast 240.0.0.0/4",
        _ => null,
    };

    private static string? CheckV6(byte[] b, bool allowLoopback)
    {
        var span = b.AsSpan();
        if (span[..10].IndexOfAnyExcept((byte)0) < 0 && b[10] == 0xFF && b[11] == 0xFF)
        {
            return Embedded(CheckV4(ReadV4(span[12..]), allowLoopback), "IPv4-mapped");
        }

        if (span.IndexOfAnyExcept((byte)0) < 0)
        {
            return "unspecified ::";
        }

        if (span[..15].IndexOfAnyExcept((byte)0) < 0 && b[15] == 1)
        {
            return allowLoopback ? null : "loopback ::1";
        }

        if (IsV4Compatible(b))
        {
            return Embedded(CheckV4(ReadV4(span[12..]), allowLoopback), "IPv4-compatible");
        }

        var prefix32 = BinaryPrimitives.ReadUInt32BigEndian(span);
        if (prefix32 == 0x0064_FF9B && span[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return Embedded(CheckV4(ReadV4(span[12..]), allowLoopback: false), "NAT64 64:ff9b::/96");
        }

        if (prefix32 >> 16 == 0x2002)
        {
            return Embedded(CheckV4(ReadV4(span[2..6]), allowLoopback: false), "6to4 2002::/16");
        }

        return b[0] switch
        {
            _ when (b[0] & 0xFE) == 0xFC => "unique local fc00::/7",
            0xFE when (b[1] & 0xC0) == 0x80 => "link-local fe80::/10",
            0xFE when (b[1] & 0xC0) == 0xC0 => "site-local fec0::/10",
            0xFF => "multicast ff00::/8",
            _ when (b[0] & 0xE0) != 0x20 => "not global unicast (outside 2000::/3)",
            _ when prefix32 == 0x2001_0000 => "Teredo 2001::/32",
            _ when prefix32 == 0x2001_0DB8 => "documentation 2001:db8::/32",
            _ when (prefix32 & 0xFFFF_FFF0) == 0x2001_0010 || (prefix32 & 0xFFFF_FFF0) == 0x2001_0020 => "ORCHID 2001:10::/28, 2001:20::/28",
            _ => null,
        };
    }

    private static bool IsV4Compatible(ReadOnlySpan<byte> b) =>
        b[..12].IndexOfAnyExcept((byte)0) < 0 && BinaryPrimitives.ReadUInt32BigEndian(b[12..]) > 1;

    private static string? Embedded(string? v4Refusal, string form) => v4Refusal is null ? null : $"{form} address embedding {v4Refusal}";

    private static uint ReadV4(ReadOnlySpan<byte> b) => BinaryPrimitives.ReadUInt32BigEndian(b);
}
