using System.Net;
using System.Text.Json;
using Cmdb.Api.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tests.Clusters;

/// <summary>CASE_A集群修改: env and size rules at submit, the change applied after approval.</summary>
public sealed class ClusterChangeTests(ClusterService service) : IClassFixture<ClusterService>
{
    private async Task<string> RefusedAsync(object form, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var response = await service.SubmitAsync(TestAuth.Requester, "cluster-change", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return ClusterCreateTests.Errors(JsonDocument.Parse(body).RootElement);
    }

    [Fact]
    public async Task A_prod_cluster_stays_prod() =>
        Assert.Contains("form.env: A prod cluster stays prod.", await RefusedAsync(new { clusterId = (await service.NewClusterAsync("prod")).Id, env = "uat" }));

    [Fact]
    public async Task Only_dev_and_uat_move_between_each_other()
    {
        Assert.Contains("Only dev and uat", await RefusedAsync(new { clusterId = (await service.NewClusterAsync("sit", size: "3+3")).Id, env = "dev" }));
        Assert.Contains("cannot become prod", await RefusedAsync(new { clusterId = (await service.NewClusterAsync("dev", size: "3+3")).Id, env = "prod" }));
        await service.SubmitOkAsync(TestAuth.Requester, "cluster-change", new { clusterId = (await service.NewClusterAsync("dev", size: "3+3")).Id, env = "uat" });
    }

    [Fact]
    public async Task Sizes_follow_the_env_and_a_cluster_that_is_9_plus_6_may_keep_it()
    {
        Assert.Contains("Size must be one of 3+3, 5+3 in uat", await RefusedAsync(new { clusterId = (await service.NewClusterAsync("uat", size: "3+3")).Id, size = "9+6" }));
        await service.SubmitOkAsync(TestAuth.Requester, "cluster-change", new { clusterId = (await service.NewClusterAsync("prod", size: "5+3")).Id, size = "9+6" });
        await service.SubmitOkAsync(TestAuth.Requester, "cluster-change", new { clusterId = (await service.NewClusterAsync("uat", size: "9+6")).Id, obUser = "ob2" });
    }

    [Fact]
    public async Task An_unknown_cluster_is_404_and_a_tag_it_does_not_have_cannot_be_removed()
    {
        await RefusedAsync(new { clusterId = 999_999_999, obUser = "x" }, HttpStatusCode.NotFound);
        Assert.Contains("form.removeTags: The cluster has no tag 'gone'", await RefusedAsync(new { clusterId = (await service.NewClusterAsync("dev", size: "3+3", tags: ["keep"])).Id, removeTags = new[] { "gone" } }));
        Assert.Contains("changes nothing", await RefusedAsync(new { clusterId = (await service.NewClusterAsync("dev", size: "3+3")).Id }));
    }

    [Fact]
    public async Task An_approved_change_sets_the_attributes_and_the_tags()
    {
        var cluster = await service.NewClusterAsync("dev", size: "3+3", tags: ["old", "keep"]);
        var id = await service.SubmitOkAsync(TestAuth.Requester, "cluster-change", new
        {
            clusterId = cluster.Id, env = "uat", size = "5+3", obIp = " 10.9.9.1 ,10.9.9.2,", addTags = new[] { "new" }, removeTags = new[] { "old" },
        });
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        await service.ActAsync(TestAuth.Approver, id, "approve");
        await service.WaitForStatusAsync(id, "Completed");

        var changed = await service.Db(db => db.Clusters.AsNoTracking().SingleAsync(c => c.Id == cluster.Id));
        Assert.Equal("uat", changed.Env);
        Assert.Equal("5+3", changed.Size);
        Assert.Equal("10.9.9.1,10.9.9.2", changed.ObIp);
        Assert.Equal("[\"keep\",\"new\"]", changed.TagsJson);
    }

    [Fact]
    public async Task A_new_K8s_ID_on_a_cloud_cluster_looks_the_k8s_IP_up_again()
    {
        var cluster = await service.NewClusterAsync("dev", location: "AWS", size: "3+3", k8sId: "c-before");
        var k8sId = $"c-{Guid.NewGuid():N}"[..10];
        await service.AddRancherClusterAsync(k8sId, "https://10.88.1.2:6443");
        Assert.Contains("follows its K8s ID", await RefusedAsync(new { clusterId = cluster.Id, k8sIp = "10.1.1.1" }));

        var id = await service.SubmitOkAsync(TestAuth.Requester, "cluster-change", new { clusterId = cluster.Id, k8sId });
        Assert.Equal("10.88.1.2", (await service.GetAsync(TestAuth.Requester, id)).GetProperty("form").GetProperty("k8sIp").GetString());
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        await service.ActAsync(TestAuth.Approver, id, "approve");
        await service.WaitForStatusAsync(id, "Completed");

        var changed = await service.Db(db => db.Clusters.AsNoTracking().SingleAsync(c => c.Id == cluster.Id));
        Assert.Equal(k8sId, changed.K8sId);
        Assert.Equal("10.88.1.2", changed.K8sIp);
    }
}
