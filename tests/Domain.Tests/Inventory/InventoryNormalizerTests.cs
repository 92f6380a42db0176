using Cmdb.Domain.Inventory;

namespace Cmdb.Domain.Tests.Inventory;

public sealed class InventoryNormalizerTests
{
    [Theory]
    [InlineData("Qcloud", "prod-1", "Tencent Cloud")]
    [InlineData("Aws", "prod-2", "AWS")]
    [InlineData("vmware", "office-vc", "office")]
    [InlineData("", "prod-3", "未知")]
    [InlineData(null, null, "未知")]
    [InlineData("Private DC", "dc", "Private DC")]
    public void Cloud_names_are_normalised(string? cloud, string? account, string expected) => Assert.Equal(expected, InventoryNormalizer.Cloud(cloud, account));

    [Theory]
    [InlineData("stopped", "已关机")]
    [InlineData("Running", "运行中")]
    [InlineData("已关机", "已关机")]
    [InlineData(null, null)]
    public void Statuses_are_shown_in_Chinese(string? status, string? expected) => Assert.Equal(expected, InventoryNormalizer.Status(status));

    [Fact]
    public void Tags_are_parsed_into_owner_system_module_and_product()
    {
        Assert.Equal(new ParsedTags("alice", "pos", "checkout", "retail"), InventoryNormalizer.Tags("Owner:alice, system=pos;module:checkout,product:retail,env:prod"));
        Assert.Equal(new ParsedTags(null, null, null, null), InventoryNormalizer.Tags("nonsense, owner:"));
    }

    [Theory]
    [InlineData(0, -1)]
    [InlineData(12, 12)]
    [InlineData(null, null)]
    public void A_U_position_of_0_is_stored_as_minus_1(int? position, int? stored) => Assert.Equal(stored, InventoryNormalizer.UPosition(position));

    [Theory]
    [InlineData("10.1.0.0 0.0.255.255", "10.1.0.0/16")]
    [InlineData("192.168.1.7 0.0.0.0", "192.168.1.7/32")]
    [InlineData("10.0.0.0 0.255.0.255", "10.0.0.0 0.255.0.255")]
    [InlineData("any", "any")]
    [InlineData("10.2.0.0/24", "10.2.0.0/24")]
    public void Wildcard_masks_become_netmasks(string acl, string expected) => Assert.Equal(expected, InventoryNormalizer.AclAddress(acl));
}
