using System.Net.Http.Json;
using System.Text.Json;

namespace Cmdb.TestSupport.Servers;

/// <summary>
/// The private PowerDNS that <c>scripts/pdns.sh</c> started (<c>pdns_start DIR DNS_PORT API_PORT</c>),
/// found through the variables it exports; reads records back through its own API, independently
/// of the code under test.
/// </summary>
public sealed class TestPowerDns
{
    private TestPowerDns(string apiUrl, string apiKey, string nameServer, string zone)
    {
        ApiUrl = apiUrl;
        ApiKey = apiKey;
        NameServer = nameServer;
        Zone = zone;
    }

    public string ApiUrl { get; }
    public string ApiKey { get; }

    /// <summary><c>127.0.0.1:port</c> of its DNS listener.</summary>
    public string NameServer { get; }

    public string Zone { get; }

    /// <summary>Fails, never skips, when the server was not started: these tests exist to run against a real PowerDNS.</summary>
    public static TestPowerDns FromEnvironment()
    {
        string Require(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: start the test PowerDNS first with `source scripts/pdns.sh && pdns_start $PWD/.test-run/pdns 15353 18081` " +
                "(it exports CMDB_TEST_PDNS_API, CMDB_TEST_PDNS_KEY, CMDB_TEST_PDNS_DNS and CMDB_TEST_PDNS_ZONE).");
        return new TestPowerDns(Require("CMDB_TEST_PDNS_API"), Require("CMDB_TEST_PDNS_KEY"), Require("CMDB_TEST_PDNS_DNS"), Require("CMDB_TEST_PDNS_ZONE"));
    }

    /// <summary>A name in the test zone no other test uses.</summary>
    public string UniqueName(string label = "t") => $"{label}-{Guid.NewGuid():N}"[..20] + "." + Zone;

    /// <summary>The configuration that points Cmdb at this server.</summary>
    public Dictionary<string, string?> Configuration() => new()
    {
        ["Integrations:Dns:PowerDns:ApiUrl"] = ApiUrl,
        ["Integrations:Dns:PowerDns:ApiKey"] = ApiKey,
        ["Integrations:Dns:PowerDns:Zones:0"] = Zone,
        ["Integrations:Dns:NameServer"] = NameServer,
    };

    /// <summary>The A addresses PowerDNS holds for a name, read from its zone through its API.</summary>
    public async Task<IReadOnlyList<string>> ARecordsAsync(string name)
    {
        using var client = new HttpClient { BaseAddress = new Uri(ApiUrl) };
        client.DefaultRequestHeaders.Add("X-API-Key", ApiKey);
        var zone = await client.GetFromJsonAsync<JsonElement>($"/api/v1/servers/localhost/zones/{Zone}.");
        var fqdn = name.TrimEnd('.') + ".";
        return zone.GetProperty("rrsets").EnumerateArray()
            .Where(r => r.GetProperty("name").GetString() == fqdn && r.GetProperty("type").GetString() == "A")
            .SelectMany(r => r.GetProperty("records").EnumerateArray().Select(x => x.GetProperty("content").GetString()!))
            .ToList();
    }
}
