using System.Net;
using System.Text.Json;
using Cmdb.Api.Tests.Tickets;
using Cmdb.Domain.Clusters;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tests.Clusters;

/// <summary>创建集群: the rules at submit, and the flow from approval to the DNS record and the cluster row.</summary>
public sealed class ClusterCreateTests(ClusterService service) : IClassFixture<ClusterService>
{
    private static string Name(string env = "dev") => env == "prod"
        ? $"casea-t{Guid.NewGuid():N}"[..16] + $"-{ClusterService.Next() % 90 + 10:D2}"
        : $"t-{Guid.NewGuid():N}"[..14];

    private async Task<JsonElement> RefusedAsync(object form, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var response = await service.SubmitAsync(TestAuth.Requester, "cluster-create", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The problem's field errors as "field: message" lines (or its detail).</summary>
    internal static string Errors(JsonElement problem) => problem.TryGetProperty("errors", out var errors)
        ? string.Join("\n", errors.EnumerateObject().SelectMany(f => f.Value.EnumerateArray().Select(m => $"{f.Name}: {m.GetString()}")))
        : problem.GetProperty("detail").GetString()!;

    [Fact]
    public async Task An_approved_cluster_gets_its_DNS_record_then_its_row_and_the_ticket_completes()
    {
        var name = Name();
        var id = await service.SubmitOkAsync(TestAuth.Requester, "cluster-create", ClusterService.CreateForm(name, ingress: "10.40.1.7"));
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        await service.ActAsync(TestAuth.Approver, id, "approve");

        var done = await service.WaitForStatusAsync(id, "Completed");
        var record = await service.Db(db => db.LocalDnsRecords.SingleAsync(r => r.Name == $"{name}.edge.example.test"));
        Assert.Equal("10.40.1.7", record.Addresses);
        var cluster = await service.Db(db => db.Clusters.SingleAsync(c => c.Name == name));
        Assert.Equal(id, cluster.CreatedByTicket);
        Assert.Equal("10.30.0.1,10.30.0.2", cluster.K8sIp);
        Assert.Equal(ClusterRules.DefaultCapacity, cluster.Capacity);
        var steps = done.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "stepCompleted")
            .Select(e => e.GetProperty("stepId").GetString()).ToList();
        Assert.Equal(["create-dns", "wait-dns", "create-cluster", "notify"], steps);
        var dnsStep = done.GetProperty("timeline").EnumerateArray().First(e => e.GetProperty("stepId").GetString() == "create-dns" && e.GetProperty("kind").GetString() == "stepCompleted");
        Assert.Contains($"CaseA cluster DNS - {name}", dnsStep.GetProperty("comment").GetString());
    }

    [Fact]
    public async Task A_cloud_cluster_takes_its_k8s_IP_from_Rancher_by_the_K8s_ID()
    {
        var k8sId = $"c-{Guid.NewGuid():N}"[..10];
        await service.AddRancherClusterAsync(k8sId, "https://10.77.3.4:6443");
        var id = await service.SubmitOkAsync(TestAuth.Requester, "cluster-create",
            ClusterService.CreateForm(Name(), location: "Ali", k8sIp: null, k8sId: k8sId, lbId: "lb-1"));

        var ticket = await service.GetAsync(TestAuth.Requester, id);
        Assert.Equal("10.77.3.4", ticket.GetProperty("form").GetProperty("k8sIp").GetString());
    }

    [Fact]
    public async Task A_K8s_ID_that_Rancher_does_not_know_is_refused_on_that_field() =>
        Assert.Contains("form.k8sId: Rancher has no cluster", Errors(await RefusedAsync(ClusterService.CreateForm(Name(), location: "AWS", k8sIp: null, k8sId: "c-nosuch", lbId: "lb-1"))));

    [Fact]
    public async Task Ali_and_AWS_need_an_LB_ID_and_a_K8s_ID()
    {
        var errors = Errors(await RefusedAsync(ClusterService.CreateForm(Name(), location: "Ali", k8sIp: null)));
        Assert.Contains("LB ID is required", errors);
        Assert.Contains("K8s ID is required", errors);
    }

    [Fact]
    public async Task Putuo_and_Hedan_need_a_typed_k8s_IP() =>
        Assert.Contains("K8s IP is required", Errors(await RefusedAsync(ClusterService.CreateForm(Name(), location: "Hedan", k8sIp: null))));

    [Fact]
    public async Task An_IP_list_may_have_spaces_and_a_trailing_comma_but_every_item_must_be_IPv4()
    {
        var errors = Errors(await RefusedAsync(ClusterService.CreateForm(Name(), k8sIp: "10.0.0.1, 10.0.0.300, ,10.0.0.2,")));
        Assert.Contains("'10.0.0.300' (item 2) is not an IPv4 address", errors);
        Assert.Contains("item 3 is empty", errors);
        Assert.DoesNotContain("item 4", errors);
    }

    [Fact]
    public async Task Env_location_and_size_are_checked_against_their_lists()
    {
        Assert.Contains("Env must be one of", Errors(await RefusedAsync(ClusterService.CreateForm(Name(), env: "staging"))));
        Assert.Contains("Location must be one of", Errors(await RefusedAsync(ClusterService.CreateForm(Name(), location: "Mars"))));
        Assert.Contains("Size must be one of 3+3, 5+3 in dev", Errors(await RefusedAsync(ClusterService.CreateForm(Name(), size: "9+6"))));
    }

    [Fact]
    public async Task Only_prod_checks_the_name_numbering_convention()
    {
        Assert.Contains("numbering convention", Errors(await RefusedAsync(ClusterService.CreateForm("casea-prod-east", env: "prod", size: "9+6"))));
        await service.SubmitOkAsync(TestAuth.Requester, "cluster-create", ClusterService.CreateForm(Name("prod"), env: "prod", size: "9+6"));
        await service.SubmitOkAsync(TestAuth.Requester, "cluster-create", ClusterService.CreateForm(Name() + "-east", env: "uat"));
    }

    [Fact]
    public async Task A_name_that_a_cluster_or_an_open_ticket_has_is_refused()
    {
        var existing = await service.NewClusterAsync(env: "dev");
        Assert.Contains($"cluster {existing.Id}", (await RefusedAsync(ClusterService.CreateForm(existing.Name), HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        var name = Name();
        await service.SubmitOkAsync(TestAuth.Requester, "cluster-create", ClusterService.CreateForm(name));
        Assert.Contains("in_process", (await RefusedAsync(ClusterService.CreateForm(name), HttpStatusCode.Conflict)).GetProperty("detail").GetString());
    }
}
