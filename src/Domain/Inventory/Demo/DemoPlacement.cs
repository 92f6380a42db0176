namespace Cmdb.Domain.Inventory.Demo;

/// <summary>
/// Where a generated resource lives: one of the two own data centres, the office vCenter, or a
/// region of a cloud. <see cref="Spellings"/> are the ways a CMP reports the cloud (raw names
/// such as <c>Qcloud</c> or <c>Aws</c> included), so the normalisation rules get exercised.
/// </summary>
internal sealed record DemoPlacement(string Slug, string[] Spellings, string Account, string DataCenter, bool OwnDataCentre)
{
    public static readonly DemoPlacement East = new("east", ["VMware"], "idc-vc-east", "dc-east", true);
    public static readonly DemoPlacement West = new("west", ["VMware"], "idc-vc-west", "dc-west", true);
    public static readonly DemoPlacement Office = new("office", ["VMware"], "office-vc", "hq-office", true);

    public static readonly (DemoPlacement Item, int Weight)[] Clouds =
    [
        (new("ali-sh", ["Alibaba Cloud", "Aliyun"], "ali-retail-prod", "cn-shanghai", false), 18),
        (new("ali-hk", ["Alibaba Cloud", "Aliyun"], "ali-retail-intl", "cn-hongkong", false), 8),
        (new("tc-sh", ["Tencent Cloud", "Qcloud"], "tc-retail", "ap-shanghai", false), 12),
        (new("tc-hk", ["Tencent Cloud", "Qcloud"], "tc-retail", "ap-hongkong", false), 4),
        (new("aws-hk", ["AWS", "Aws"], "aws-global", "ap-east-1", false), 12),
    ];

    /// <summary>Every placement a VPC of VMs, services or pods can have.</summary>
    public static readonly (DemoPlacement Item, int Weight)[] Any = [(East, 24), (West, 18), (Office, 4), .. Clouds];

    /// <summary>The placements of the services' parts (load balancers, RDS, Redis), own and cloud in turn.</summary>
    public static readonly DemoPlacement[] Services = [East, Clouds[0].Item, West, Clouds[2].Item, Clouds[4].Item, Office, Clouds[1].Item, Clouds[3].Item];

    public bool IsOffice => ReferenceEquals(this, Office);

    /// <summary>The cloud as reported: own data centres sometimes report none, clouds their raw name about a third of the time.</summary>
    public string Cloud(DemoRandom random) => OwnDataCentre
        ? random.Chance(3) ? "" : Spellings[0]
        : Spellings[random.Chance(35) ? 1 : 0];
}
