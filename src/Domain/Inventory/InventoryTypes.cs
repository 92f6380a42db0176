namespace Cmdb.Domain.Inventory;

/// <summary>How a field's values are stored and compared.</summary>
public enum FieldKind
{
    Text,
    Integer,
    Decimal,
    DateTime,

    /// <summary>Several strings (IPs, security group names, …); filters match any item.</summary>
    List,

    /// <summary>Nested records (ACL rules, F5 virtual servers); shown and exported, not filtered.</summary>
    Records,
}

/// <param name="Name">The API name (camelCase), used in filters, sort and field selection.</param>
/// <param name="Header">The Chinese column header of lists and exports.</param>
/// <param name="Column">The table column for common fields; null for a type's own fields (kept in the attributes JSON).</param>
/// <param name="IpRole">For fields holding addresses: the role their addresses get in the IP index.</param>
public sealed record InventoryField(string Name, string Header, FieldKind Kind, string? Column = null, string? IpRole = null, string? Unit = null)
{
    public bool IsCommon => Column is not null;
    public bool Filterable => Kind != FieldKind.Records;
    public bool Sortable => IsCommon;
}

/// <param name="Key">The type's API name (<c>vm</c>, <c>network-device</c>, …).</param>
/// <param name="Unit">What one resource is counted as in the overview (台, 个, 条).</param>
public sealed record InventoryType(string Key, string NameZh, string NameEn, string Unit, IReadOnlyList<InventoryField> OwnFields)
{
    public IReadOnlyList<InventoryField> Fields { get; } = [.. InventoryTypes.CommonFields, .. OwnFields];

    public InventoryField? Field(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The fields whose addresses go into the IP index.</summary>
    public IEnumerable<InventoryField> AddressFields => OwnFields.Where(f => f.IpRole is not null);
}

/// <summary>Every resource type of DOMAIN.md "CMDB inventory", with the fields lists, filters and exports know.</summary>
public static class InventoryTypes
{
    public static readonly IReadOnlyList<InventoryField> CommonFields =
    [
        new("id", "编号", FieldKind.Integer, "id"),
        new("resourceUid", "资源ID", FieldKind.Text, "resource_uid"),
        new("name", "名称", FieldKind.Text, "name"),
        new("cloud", "云平台", FieldKind.Text, "cloud"),
        new("account", "账号", FieldKind.Text, "account"),
        new("subscription", "订阅", FieldKind.Text, "subscription"),
        new("dataCenter", "数据中心", FieldKind.Text, "data_center"),
        new("env", "环境", FieldKind.Text, "env"),
        new("owner", "负责人", FieldKind.Text, "owner"),
        new("system", "系统", FieldKind.Text, "system"),
        new("module", "模块", FieldKind.Text, "module"),
        new("product", "产品", FieldKind.Text, "product"),
        new("tags", "标签", FieldKind.Text, "tags"),
        new("status", "状态", FieldKind.Text, "status"),
        new("createdAt", "创建时间", FieldKind.DateTime, "created_at"),
        new("updatedAt", "更新时间", FieldKind.DateTime, "updated_at"),
    ];

    private static InventoryField Text(string name, string header) => new(name, header, FieldKind.Text);
    private static InventoryField Int(string name, string header, string? unit = null) => new(name, header, FieldKind.Integer, Unit: unit);
    private static InventoryField Dec(string name, string header, string? unit = null) => new(name, header, FieldKind.Decimal, Unit: unit);
    private static InventoryField List(string name, string header) => new(name, header, FieldKind.List);
    private static InventoryField Ips(string name, string header, string role) => new(name, header, FieldKind.List, IpRole: role);
    private static InventoryField Ip(string name, string header, string role) => new(name, header, FieldKind.Text, IpRole: role);
    private static InventoryField Records(string name, string header) => new(name, header, FieldKind.Records);

    private static readonly InventoryField[] RackFields =
    [
        Text("room", "机房"), Text("rack", "机柜"), Int("uPosition", "U位"), Text("manufacturer", "厂商"), Text("deviceType", "设备类型"),
        Text("model", "型号"), Text("sn", "序列号"), new("factoryDate", "出厂日期", FieldKind.DateTime), Int("warrantyYears", "保修年限"),
        Text("businessArea", "业务区域"),
    ];

    public static readonly IReadOnlyList<InventoryType> All =
    [
        new("vm", "虚拟机", "Virtual machine", "台",
        [
            Int("cpu", "CPU", "核"), Int("memory", "内存", "GB"), Text("osVersion", "操作系统"), Text("host", "宿主机"),
            Ips("privateIps", "私网IP", "private"), Ips("eips", "弹性IP", "eip"), Ips("ipv6s", "IPv6地址", "ipv6"),
            Text("subnetName", "子网"), List("securityGroups", "安全组"), List("disks", "磁盘"), Text("vpcName", "VPC"),
            Text("billingType", "计费方式"),
        ]),
        new("host", "宿主机", "Host", "台",
        [
            Int("cpu", "CPU", "核"), Int("memory", "内存", "GB"), Dec("cpuOvercommit", "CPU超分比"), Dec("memoryOvercommit", "内存超分比"),
            Text("model", "型号"), Text("sn", "序列号"), Int("vmCount", "虚拟机数"), Dec("cpuCommitRate", "CPU分配率"),
            Dec("memoryCommitRate", "内存分配率"), Int("virtualStorage", "虚拟存储", "GB"), Int("usedStorage", "已用存储", "GB"),
            Ip("managementIp", "管理IP", "management"),
        ]),
        new("server", "物理服务器", "Physical server", "台",
            [.. RackFields, Int("cpu", "CPU", "核"), Int("memory", "内存", "GB"), Ip("managementIp", "管理IP", "management")]),
        new("network-device", "网络设备", "Network device", "台",
            [.. RackFields, Ip("managementIp", "管理IP", "management"), Records("aclRules", "ACL规则")]),
        new("storage", "存储设备", "Storage device", "台",
            [Text("manufacturer", "厂商"), Text("model", "型号"), Int("capacity", "容量", "GB"), List("clusters", "集群"), Ip("managementIp", "管理IP", "management")]),
        new("lun", "LUN", "LUN", "个", [Int("size", "容量", "GB"), Text("storageName", "存储设备"), Text("wwn", "WWN")]),
        new("subnet", "IP子网", "IP subnet", "个",
        [
            Text("cidr", "网段"), Text("gateway", "网关"), Text("ipv6Gateway", "IPv6网关"), Int("ipUsed", "已用IP"), Int("ipTotal", "IP总数"),
            Text("lineType", "线路类型"), Text("vpcName", "VPC"),
        ]),
        new("vpc", "VPC", "VPC", "个", [Text("cidr", "网段"), Text("region", "地域")]),
        new("l2-network", "二层网络", "L2 network", "个", [Int("vlanId", "VLAN"), Text("vpcName", "VPC")]),
        new("security-group", "安全组", "Security group", "个", [Text("vpcName", "VPC"), Int("ruleCount", "规则数"), Records("rules", "规则")]),
        new("load-balancer", "负载均衡", "Load balancer", "个",
        [
            Text("networkType", "网络类型"), Text("spec", "规格"), Ips("ips", "IP地址", "vip"), Ips("eips", "弹性IP", "eip"),
            Ips("memberIps", "后端成员IP", "member"), Records("virtualServers", "F5虚拟服务"),
        ]),
        new("rds", "RDS", "RDS", "个",
        [
            Text("engine", "引擎"), Text("version", "版本"), Text("spec", "规格"), Int("storage", "存储", "GB"),
            Ip("privateIp", "内网地址", "private"), Text("externalAddress", "外网地址"), Int("port", "端口"),
        ]),
        new("redis", "Redis", "Redis", "个",
        [
            Text("version", "版本"), Int("capacity", "容量", "GB"), Ip("privateIp", "内网地址", "private"), Text("externalAddress", "外网地址"),
            Int("port", "端口"), Text("backupType", "备份类型"),
        ]),
        new("disk", "云硬盘", "Disk", "块", [Int("size", "容量", "GB"), Text("diskType", "磁盘类型"), Text("platform", "平台"), Text("attachedTo", "挂载实例")]),
        new("domain-record", "域名解析", "Domain record", "条", [Text("recordType", "记录类型"), Text("value", "记录值"), Text("zone", "域"), Int("ttl", "TTL")]),
        new("project", "项目", "Project", "个", [Text("code", "项目编码"), Text("manager", "项目经理")]),
        new("k8s-cluster", "K8s集群", "Kubernetes cluster", "个", [Text("version", "版本"), Int("nodeCount", "节点数"), Text("apiAddress", "API地址")]),
        new("pod", "Pod", "Pod", "个", [Text("namespace", "命名空间"), Ip("podIp", "Pod IP", "pod"), Text("nodeName", "节点"), Text("clusterName", "集群")]),
        new("eip", "弹性IP", "Elastic IP", "个", [Ip("address", "IP地址", "eip"), Int("bandwidth", "带宽", "Mbps"), Text("boundTo", "绑定实例")]),
    ];

    private static readonly Dictionary<string, InventoryType> ByKey = All.ToDictionary(t => t.Key, StringComparer.OrdinalIgnoreCase);

    public static InventoryType? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>Relation kinds of DOMAIN.md: (kind, source type, target type).</summary>
    public static readonly IReadOnlyList<(string Kind, string Source, string Target)> RelationKinds =
    [
        ("host-vm", "host", "vm"),
        ("vm-security-group", "vm", "security-group"),
        ("vm-disk", "vm", "disk"),
        ("lb-security-group", "load-balancer", "security-group"),
        ("rds-security-group", "rds", "security-group"),
        ("redis-security-group", "redis", "security-group"),
        ("host-lun", "host", "lun"),
        ("storage-lun", "storage", "lun"),
        ("l2-network-host", "l2-network", "host"),
        ("vpc-l2-network", "vpc", "l2-network"),
        ("subnet-vpc", "subnet", "vpc"),
        ("vm-pod", "vm", "pod"),
        ("server-pod", "server", "pod"),
        ("pod-cluster", "pod", "k8s-cluster"),
        ("vm-cluster", "vm", "k8s-cluster"),
        ("server-cluster", "server", "k8s-cluster"),
        ("project-resource", "project", "*"),
    ];
}
