using System.Net;
using System.Net.Sockets;

namespace Cmdb.Domain.Inventory;

/// <summary>
/// An IP address as 16 bytes that sort like the addresses (IPv4 as IPv4-mapped IPv6,
/// <c>::ffff:a.b.c.d</c>), so "equal to", "between" and "in this CIDR" are index range scans.
/// </summary>
public static class IpKey
{
    public static byte[] Of(IPAddress address) =>
        (address.AddressFamily == AddressFamily.InterNetwork ? address.MapToIPv6() : address).GetAddressBytes();

    public static IPAddress ToAddress(byte[] key)
    {
        var address = new IPAddress(key);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }

    /// <summary>The first and last address of a CIDR block, as keys.</summary>
    public static (byte[] Start, byte[] End) Range(IPAddress network, int prefixLength)
    {
        var bits = network.AddressFamily == AddressFamily.InterNetwork ? prefixLength + 96 : prefixLength;
        var start = Of(network);
        var end = (byte[])start.Clone();
        for (var i = 0; i < 128; i++)
        {
            if (i < bits)
                continue;
            start[i / 8] &= (byte)~(0x80 >> (i % 8));
            end[i / 8] |= (byte)(0x80 >> (i % 8));
        }
        return (start, end);
    }

    /// <summary>The key as 32 lower-case hex digits: ordered as text exactly as the addresses, so a plain indexed column serves range scans on every database.</summary>
    public static string Hex(byte[] key) => Convert.ToHexString(key).ToLowerInvariant();

    public static string Hex(IPAddress address) => Hex(Of(address));

    /// <summary>Orders keys as the addresses they encode.</summary>
    public static int Compare(byte[] a, byte[] b)
    {
        for (var i = 0; i < 16; i++)
        {
            var diff = a[i].CompareTo(b[i]);
            if (diff != 0)
                return diff;
        }
        return 0;
    }
}

/// <summary>One entry of an IP search box: an address, a CIDR block or a range "a-b", as a key range; or why it is not one.</summary>
public sealed record IpQuery(string Entry, byte[]? Start, byte[]? End, string? Problem)
{
    public bool IsValid => Problem is null;

    /// <summary>Parses what people type: spaces trimmed, one entry per comma, space or line.</summary>
    public static IReadOnlyList<IpQuery> ParseAll(string text) =>
        text.Split([',', ' ', '\n', '\r', '\t', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToList();

    public static IpQuery Parse(string entry)
    {
        entry = entry.Trim();
        var slash = entry.IndexOf('/');
        if (slash > 0)
        {
            if (!IPAddress.TryParse(entry[..slash], out var network) || !int.TryParse(entry[(slash + 1)..], out var prefix))
                return Invalid(entry, "not a CIDR block such as 10.1.0.0/16");
            var max = network.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
            if (prefix < 0 || prefix > max)
                return Invalid(entry, $"the prefix length must be 0–{max}");
            var (start, end) = IpKey.Range(network, prefix);
            return new IpQuery(entry, start, end, null);
        }
        var dash = entry.IndexOf('-');
        if (dash > 0)
        {
            if (!IPAddress.TryParse(entry[..dash].Trim(), out var first) || !IPAddress.TryParse(entry[(dash + 1)..].Trim(), out var last))
                return Invalid(entry, "not a range such as 10.1.0.1-10.1.0.20");
            if (first.AddressFamily != last.AddressFamily)
                return Invalid(entry, "a range stays within IPv4 or IPv6");
            var (a, b) = (IpKey.Of(first), IpKey.Of(last));
            if (IpKey.Compare(a, b) > 0)
                return Invalid(entry, "the range ends before it starts");
            return new IpQuery(entry, a, b, null);
        }
        if (!IPAddress.TryParse(entry, out var address) || (address.AddressFamily == AddressFamily.InterNetwork && entry.Count(c => c == '.') != 3))
            return Invalid(entry, "not an IP address");
        var key = IpKey.Of(address);
        return new IpQuery(entry, key, key, null);
    }

    private static IpQuery Invalid(string entry, string problem) => new(entry, null, null, problem);
}
