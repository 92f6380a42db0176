namespace Cmdb.Integrations.Pricing;

/// <summary>A disk as Tencent names it: type (<c>CLOUD_PREMIUM</c>, <c>CLOUD_SSD</c>, <c>CLOUD_BSSD</c>, …) and size in GB.</summary>
public sealed record TencentDisk(string DiskType, int DiskSizeGb);

/// <summary>CVM <c>InquiryPriceRunInstances</c> for one prepaid instance, one month.</summary>
/// <param name="Zone">e.g. <c>ap-shanghai-2</c>.</param>
/// <param name="InstanceType">e.g. <c>S5.LARGE8</c>.</param>
/// <param name="ImageId">e.g. <c>img-xxxxxxxx</c>.</param>
/// <param name="BandwidthMbps">Prepaid public bandwidth (<c>BANDWIDTH_PREPAID</c>); 0 for none.</param>
public sealed record TencentCvmPriceRequest(
    string Region,
    string Zone,
    string InstanceType,
    string ImageId,
    TencentDisk SystemDisk,
    IReadOnlyList<TencentDisk> DataDisks,
    int BandwidthMbps);

/// <summary>CDB (TencentDB for MySQL) <c>DescribeDBPrice</c> for one prepaid instance, one month.</summary>
/// <param name="MemoryMb">Memory in MB, e.g. 4000.</param>
/// <param name="InstanceRole"><c>master</c>, <c>ro</c> or <c>dr</c>.</param>
/// <param name="DeviceType">e.g. <c>UNIVERSAL</c>, <c>EXCLUSIVE</c>, <c>BASIC</c>.</param>
/// <param name="ProtectMode">0 asynchronous, 1 semi-synchronous, 2 strongly synchronous replication.</param>
public sealed record TencentCdbPriceRequest(
    string Region,
    string Zone,
    int Cpu,
    int MemoryMb,
    int VolumeGb,
    string InstanceRole = "master",
    string? DeviceType = null,
    int? InstanceNodes = null,
    int? ProtectMode = null);

/// <summary>CLB <c>InquiryPriceCreateLoadBalancer</c> (pay-as-you-go; the hourly price is turned into a monthly one).</summary>
/// <param name="LoadBalancerType"><c>OPEN</c> (public) or <c>INTERNAL</c>.</param>
/// <param name="SlaType">The spec, e.g. <c>clb.c2.medium</c>; null for a shared instance.</param>
/// <param name="InternetChargeType">e.g. <c>BANDWIDTH_POSTPAID_BY_HOUR</c>, <c>TRAFFIC_POSTPAID_BY_HOUR</c>; null for INTERNAL.</param>
public sealed record TencentClbPriceRequest(
    string Region,
    string LoadBalancerType,
    string? SlaType = null,
    string? InternetChargeType = null,
    int? BandwidthMbps = null,
    string? ZoneId = null);
