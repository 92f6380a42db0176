namespace Cmdb.Domain.LocalSystems;

/// <summary>An A record as the embedded default's stand-in for the DNS server keeps it (PowerDNS when configured).</summary>
public sealed class LocalDnsRecord
{
    /// <summary>Fully qualified name, lower case, without the trailing dot.</summary>
    public required string Name { get; set; }

    /// <summary>Comma-separated IPv4 addresses.</summary>
    public required string Addresses { get; set; }

    public int Ttl { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A cluster as the embedded default's stand-in for Rancher knows it (the Rancher v3 API when configured).</summary>
public sealed class LocalRancherCluster
{
    /// <summary>Rancher's cluster id, e.g. <c>c-m4x2k</c> (the form's K8s ID).</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }
    public required string State { get; set; }

    /// <summary>The Kubernetes API endpoint, e.g. <c>https://10.20.0.5:6443</c>.</summary>
    public string? ApiEndpoint { get; set; }
}
