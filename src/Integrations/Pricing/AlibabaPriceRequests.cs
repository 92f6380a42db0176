namespace Cmdb.Integrations.Pricing;

/// <summary>A disk as Alibaba names it: category (<c>cloud_essd</c>, <c>cloud_ssd</c>, <c>cloud_efficiency</c>, …) and size in GB.</summary>
public sealed record AlibabaDisk(string Category, int SizeGb);

/// <summary>ECS <c>DescribePrice</c> for one subscription instance, one month.</summary>
/// <param name="InstanceType">e.g. <c>ecs.g7.xlarge</c>.</param>
/// <param name="BandwidthMbps">Fixed public bandwidth (<c>PayByBandwidth</c>); 0 for none.</param>
public sealed record AlibabaEcsPriceRequest(
    string RegionId,
    string InstanceType,
    AlibabaDisk SystemDisk,
    IReadOnlyList<AlibabaDisk> DataDisks,
    int BandwidthMbps,
    string? ZoneId = null);

/// <summary>RDS <c>DescribePrice</c> for one subscription instance, one month. The series (basic, high availability, cluster) is part of Alibaba's class code.</summary>
/// <param name="Engine"><c>MySQL</c>, <c>PostgreSQL</c>, <c>SQLServer</c> or <c>MariaDB</c>.</param>
/// <param name="EngineVersion">e.g. <c>8.0</c>, <c>14.0</c>, <c>2019_std_ha</c>.</param>
/// <param name="InstanceClass">e.g. <c>mysql.n2.medium.2c</c>.</param>
/// <param name="StorageType">e.g. <c>cloud_essd</c>, <c>local_ssd</c>.</param>
/// <param name="ReadOnly">A read-only instance rather than a primary one.</param>
public sealed record AlibabaRdsPriceRequest(
    string RegionId,
    string Engine,
    string EngineVersion,
    string InstanceClass,
    int StorageGb,
    string StorageType,
    bool ReadOnly = false,
    string? ZoneId = null);

/// <summary>Redis (Tair) <c>DescribePrice</c> for one subscription instance, one month.</summary>
/// <param name="InstanceClass">The spec id, e.g. <c>redis.master.small.default</c>.</param>
public sealed record AlibabaRedisPriceRequest(string RegionId, string InstanceClass, string? ZoneId = null);
