using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Cmdb.Integrations.Dns;

/// <summary><c>Integrations:Dns:*</c>. Without <c>PowerDns:ApiUrl</c> the local stand-in table is used.</summary>
public sealed class DnsOptions : IValidatableObject
{
    public const string SectionName = "Integrations:Dns";

    public PowerDnsOptions PowerDns { get; set; } = new();

    /// <summary>The name server asked whether a record resolves (<c>host:port</c>); by default the PowerDNS API host on port 53.</summary>
    public string? NameServer { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ResolveTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public bool UsesPowerDns => !string.IsNullOrWhiteSpace(PowerDns.ApiUrl);

    public IPEndPoint NameServerEndpoint()
    {
        var text = NameServer ?? (Uri.TryCreate(PowerDns.ApiUrl, UriKind.Absolute, out var api) ? $"{api.Host}:53" : "127.0.0.1:53");
        var separator = text.LastIndexOf(':');
        var host = separator > 0 ? text[..separator] : text;
        var port = separator > 0 && int.TryParse(text[(separator + 1)..], out var p) ? p : 53;
        var address = IPAddress.TryParse(host, out var ip) ? ip : System.Net.Dns.GetHostAddresses(host).First();
        return new IPEndPoint(address, port);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesPowerDns)
            yield break;
        if (!Uri.TryCreate(PowerDns.ApiUrl, UriKind.Absolute, out _))
            yield return new ValidationResult($"{SectionName}:PowerDns:ApiUrl must be an absolute URL such as http://pdns:8081.", ["PowerDns.ApiUrl"]);
        if (string.IsNullOrWhiteSpace(PowerDns.ApiKey))
            yield return new ValidationResult($"{SectionName}:PowerDns:ApiKey is required with ApiUrl.", ["PowerDns.ApiKey"]);
        if (PowerDns.Zones.Count == 0)
            yield return new ValidationResult($"{SectionName}:PowerDns:Zones must name the zones records may go to.", ["PowerDns.Zones"]);
    }
}

public sealed class PowerDnsOptions
{
    /// <summary>e.g. <c>http://pdns:8081</c>.</summary>
    public string? ApiUrl { get; set; }

    /// <summary>A secret: give it by environment.</summary>
    public string? ApiKey { get; set; }

    public string ServerId { get; set; } = "localhost";

    /// <summary>The zones this service manages; a record goes to the longest one its name ends in.</summary>
    public List<string> Zones { get; set; } = [];

    public int Retries { get; set; } = 2;
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
