using System.Net;
using Cmdb.Api.Audit;
using Microsoft.AspNetCore.Http;

namespace Cmdb.Api.Tests.Audit;

public sealed class ClientAddressTests
{
    private static string? Resolve(string[] trusted, string peer, string? forwarded)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwarded is not null)
            context.Request.Headers["X-Forwarded-For"] = forwarded;
        return new ClientAddress(trusted).Resolve(context);
    }

    [Fact]
    public void The_first_forwarded_hop_is_taken_from_a_trusted_proxy() =>
        Assert.Equal("203.0.113.7", Resolve(["10.0.0.0/8"], "10.1.2.3", "203.0.113.7, 10.9.9.9"));

    [Fact]
    public void A_forwarded_header_from_anyone_else_is_ignored() =>
        Assert.Equal("198.51.100.9", Resolve(["10.0.0.0/8"], "198.51.100.9", "203.0.113.7"));

    [Fact]
    public void A_single_trusted_address_works_without_a_prefix_length() =>
        Assert.Equal("203.0.113.7", Resolve(["127.0.0.1"], "127.0.0.1", "203.0.113.7"));

    [Fact]
    public void An_IPv4_peer_seen_as_IPv6_is_matched_and_shown_as_IPv4() =>
        Assert.Equal("203.0.113.7", Resolve(["10.0.0.0/8"], "::ffff:10.1.2.3", "203.0.113.7"));

    [Fact]
    public void A_garbage_forwarded_header_falls_back_to_the_peer() =>
        Assert.Equal("10.1.2.3", Resolve(["10.0.0.0/8"], "10.1.2.3", "not-an-ip"));
}
