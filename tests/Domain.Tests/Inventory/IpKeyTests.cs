using System.Net;
using Cmdb.Domain.Inventory;

namespace Cmdb.Domain.Tests.Inventory;

public sealed class IpKeyTests
{
    [Fact]
    public void Keys_sort_like_the_addresses_and_IPv4_sits_in_its_mapped_range()
    {
        var ordered = new[] { "10.0.0.2", "10.0.0.10", "10.0.1.0", "192.168.0.1" }.Select(a => IpKey.Of(IPAddress.Parse(a))).ToList();
        for (var i = 1; i < ordered.Count; i++)
            Assert.True(IpKey.Compare(ordered[i - 1], ordered[i]) < 0);
        Assert.Equal(16, ordered[0].Length);
        Assert.Equal(IPAddress.Parse("10.0.0.2"), IpKey.ToAddress(ordered[0]));
        Assert.Equal(IPAddress.Parse("2001:db8::1"), IpKey.ToAddress(IpKey.Of(IPAddress.Parse("2001:db8::1"))));
    }

    [Theory]
    [InlineData("10.1.0.0/16", "10.1.0.0", "10.1.255.255")]
    [InlineData("10.1.2.3/32", "10.1.2.3", "10.1.2.3")]
    [InlineData("2001:db8::/126", "2001:db8::", "2001:db8::3")]
    [InlineData("10.0.0.1-10.0.0.20", "10.0.0.1", "10.0.0.20")]
    [InlineData(" 10.9.9.9 ", "10.9.9.9", "10.9.9.9")]
    public void An_entry_becomes_a_key_range(string entry, string first, string last)
    {
        var query = IpQuery.Parse(entry);
        Assert.True(query.IsValid, query.Problem);
        Assert.Equal(IPAddress.Parse(first), IpKey.ToAddress(query.Start!));
        Assert.Equal(IPAddress.Parse(last), IpKey.ToAddress(query.End!));
    }

    [Theory]
    [InlineData("10.1.2", "not an IP address")]
    [InlineData("10.1.0.0/33", "the prefix length must be 0–32")]
    [InlineData("10.0.0.9-10.0.0.1", "the range ends before it starts")]
    [InlineData("10.0.0.1-2001:db8::1", "a range stays within IPv4 or IPv6")]
    [InlineData("host.example.test", "not an IP address")]
    public void A_bad_entry_says_why(string entry, string problem) => Assert.Equal(problem, IpQuery.Parse(entry).Problem);

    [Fact]
    public void Several_entries_are_split_and_trimmed_and_one_bad_entry_does_not_fail_the_rest()
    {
        var queries = IpQuery.ParseAll(" 10.0.0.1 ,10.0.0.x\n2001:db8::1 ");
        Assert.Equal(["10.0.0.1", "10.0.0.x", "2001:db8::1"], queries.Select(q => q.Entry));
        Assert.Equal([true, false, true], queries.Select(q => q.IsValid));
    }
}
