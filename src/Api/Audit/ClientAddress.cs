using System.Net;

namespace Cmdb.Api.Audit;

/// <summary>
/// The caller's address: the first <c>X-Forwarded-For</c> hop when the request came through a
/// trusted proxy, else the connection's own address (a forged header from anyone else is ignored).
/// </summary>
public sealed class ClientAddress(IEnumerable<string> trustedProxies)
{
    private readonly IReadOnlyList<IPNetwork> _trusted = trustedProxies.Select(Parse).ToList();

    public string? Resolve(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null)
            return null;
        if (remote.IsIPv4MappedToIPv6)
            remote = remote.MapToIPv4();

        if (_trusted.Any(n => n.Contains(remote)))
        {
            var first = context.Request.Headers["X-Forwarded-For"].ToString().Split(',')[0].Trim();
            if (IPAddress.TryParse(first, out var forwarded))
                return forwarded.ToString();
        }
        return remote.ToString();
    }

    private static IPNetwork Parse(string text) =>
        text.Contains('/') ? IPNetwork.Parse(text) : new IPNetwork(IPAddress.Parse(text), IPAddress.Parse(text).AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
}
