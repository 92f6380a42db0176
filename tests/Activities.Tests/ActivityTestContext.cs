using System.Text.Json.Nodes;

namespace Cmdb.Activities.Tests;

internal static class ActivityTestContext
{
    public static ActivityContext With(params (string Name, JsonNode? Value)[] inputs) =>
        new(inputs.ToDictionary(i => i.Name, i => i.Value),
            new ActivityTicket(42, "puppet-cert-delete", "Puppet证书删除流程", "删除证书", "requester", "测试申请人", "prod"),
            "delete-certificate", $"42:{Guid.NewGuid():N}");
}
