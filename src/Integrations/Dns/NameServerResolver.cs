using System.Net;
using Cmdb.Domain.Common;
using DnsClient;
using Microsoft.Extensions.Options;

namespace Cmdb.Integrations.Dns;

/// <summary>Asks the configured name server directly (no cache), as clients of the name will.</summary>
internal sealed class NameServerResolver : IDnsResolver
{
    private const string SystemName = "DNS";
    private readonly LookupClient _client;
    private readonly string _server;

    public NameServerResolver(IOptions<DnsOptions> options)
    {
        var endpoint = options.Value.NameServerEndpoint();
        _server = endpoint.ToString();
        _client = new LookupClient(new LookupClientOptions(endpoint)
        {
            UseCache = false, Recursion = false, Timeout = options.Value.ResolveTimeout, Retries = 1, ThrowDnsErrors = false,
            ContinueOnDnsError = false, UseTcpFallback = true,
        });
    }

    public async Task<IReadOnlyList<string>> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        IDnsQueryResponse response;
        try
        {
            response = await _client.QueryAsync(DnsNames.Normalize(name), QueryType.A, QueryClass.IN, cancellationToken);
        }
        catch (DnsResponseException ex)
        {
            throw new ExternalSystemException(SystemName, $"the name server {_server} did not answer for {name}: {ex.Message}", unavailable: true, ex);
        }
        // NXDOMAIN or no data yet: nothing resolves (the caller waits and asks again).
        return response.Answers.ARecords().Select(a => a.Address.ToString()).Distinct().ToList();
    }
}
