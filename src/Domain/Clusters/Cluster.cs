namespace Cmdb.Domain.Clusters;

/// <summary>A CASE A store edge cluster. Store counts, markets, DOs and utilisation are computed from its stores, never stored.</summary>
public sealed class Cluster
{
    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>dev, sit, uat, pt or prod.</summary>
    public required string Env { get; set; }

    /// <summary>Putuo or Hedan (own data centres), Ali or AWS (clouds).</summary>
    public required string Location { get; set; }

    /// <summary>The size (SKU), e.g. <c>3+3</c>, <c>5+3</c>, <c>9+6</c>.</summary>
    public required string Size { get; set; }

    /// <summary>Store nodes the cluster holds at 100% utilisation.</summary>
    public int Capacity { get; set; }

    public required string Domain { get; set; }
    public required string IngressIp { get; set; }

    /// <summary>Comma-separated IPv4 addresses.</summary>
    public string? K8sIp { get; set; }

    public string? ObIp { get; set; }
    public string? ObVip { get; set; }
    public string? ObUser { get; set; }
    public string? RancherClusterId { get; set; }
    public string? K8sId { get; set; }
    public string? LbId { get; set; }

    /// <summary>Tags, sorted, as a JSON array.</summary>
    public string TagsJson { get; set; } = "[]";

    /// <summary>The ticket that created it (null for imported or demo rows).</summary>
    public long? CreatedByTicket { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Bumped by every placement and reservation, so two that race for the last capacity cannot both win.</summary>
    public int CapacityVersion { get; set; }
}

/// <summary>A store and the cluster its edge nodes run in.</summary>
public sealed class Store
{
    public required string StoreId { get; set; }
    public required string NameZh { get; set; }
    public string? Group { get; set; }
    public int NodeCount { get; set; }
    public string? Province { get; set; }

    /// <summary>The market (city).</summary>
    public string? Market { get; set; }

    public string? Do { get; set; }

    /// <summary>直营 (company-operated), DL or CL (franchise types).</summary>
    public required string Ownership { get; set; }

    public required string OpenStatus { get; set; }
    public long? ClusterId { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Nodes an open store-reassignment ticket wants to put into a cluster: counted by every capacity check until the ticket ends.</summary>
public sealed class CapacityReservation
{
    public long TicketId { get; set; }
    public long ClusterId { get; set; }
    public int Nodes { get; set; }
    public DateTime ReservedAt { get; set; }
}
