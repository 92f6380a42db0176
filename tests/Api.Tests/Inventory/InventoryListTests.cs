using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Api.Tests.Inventory;

/// <summary>One inventory, loaded once through a real sync, that every list test reads.</summary>
public sealed class InventoryListData : InventoryFixture
{
    public const int Bulk = 120;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var source = new ListConnector()
            .With(
                Vm("pos-api-01", "10.80.0.1", "Aliyun", extraTags: "owner:u100,system:pos,module:api") with { Uid = "vm-pos-01" },
                Vm("pos-api-02", "10.80.0.2", "Qcloud", owner: "u101", status: "stopped", cpu: 8) with { Uid = "vm-pos-02" },
                Vm("erp-db-01", "10.80.0.3", "Aws", owner: "requester", cpu: 16),
                Vm("growth 50% test", "10.80.0.4"),
                Vm("growth 500 test", "10.80.0.5"),
                Vm("under_score", "10.80.0.6"),
                Vm("underXscore", "10.80.0.7"),
                Vm("no-owner-vm", env: null),
                Vm("'; DROP TABLE inventory_resources; --", "10.80.0.8"),
                new IncomingResource("host", "host-01", "host-01", "", "dc-ops", DataCenter: "dc-east", Attributes: new JsonObject { ["cpu"] = 64 }),
                new IncomingResource("security-group", "sg-web", "sg-web", "Aliyun", "acct-main", Attributes: new JsonObject { ["ruleCount"] = 3 }))
            .With(Enumerable.Range(1, Bulk).Select(i => Vm($"bulk-{i:000}", $"10.81.{i / 250}.{i % 250 + 1}") with { Account = "bulk" }).ToArray())
            .Relate("host-vm", new IncomingRelation("", "host", "host-01", "vm", "vm-pos-01"))
            .Relate("vm-security-group",
                new IncomingRelation("", "vm", "vm-pos-01", "security-group", "sg-web"),
                new IncomingRelation("", "vm", "vm-pos-02", "security-group", "sg-web"));
        var run = await SyncAsync(source, ["vm", "host", "security-group"], ["host-vm", "vm-security-group"], "list-data");
        Assert.Equal(SyncRunStatuses.Applied, run.Status);
    }
}

/// <summary>GET /api/inventory/{type}: every filter form, free text, sort, both pagings, mine, field selection and bad input.</summary>
public sealed class InventoryListTests(InventoryListData data) : IClassFixture<InventoryListData>
{
    private const string Vms = "/api/inventory/vm?pageSize=500&account=acct-main";

    [Fact]
    public async Task Equal_filters_match_exactly_and_several_values_mean_any_of_them()
    {
        Assert.Equal(["pos-api-02"], await data.NamesAsync($"{Vms}&status=已关机"));
        var either = await data.NamesAsync($"{Vms}&cloud=Tencent Cloud&cloud=AWS");
        Assert.Equal(["erp-db-01", "pos-api-02"], either.Order());
    }

    [Fact]
    public async Task A_type_field_filters_by_its_JSON_value_and_a_list_field_by_any_item()
    {
        Assert.Equal(["erp-db-01"], await data.NamesAsync($"{Vms}&cpu=16"));
        Assert.Equal(["pos-api-02"], await data.NamesAsync($"{Vms}&privateIps=10.80.0.2"));
        Assert.Equal(["pos-api-01", "pos-api-02"], (await data.NamesAsync($"{Vms}&privateIps:like=10.80.0.1&privateIps:like=10.80.0.2")).Order());
    }

    [Fact]
    public async Task Like_is_fuzzy_and_case_insensitive_and_the_users_percent_and_underscore_match_themselves()
    {
        Assert.Equal(["pos-api-01", "pos-api-02"], (await data.NamesAsync($"{Vms}&name:like=POS-API")).Order());
        Assert.Equal(["growth 50% test"], await data.NamesAsync($"{Vms}&name:like={Uri.EscapeDataString("50%")}"));
        Assert.Equal(["under_score"], await data.NamesAsync($"{Vms}&name:like=under_"));
    }

    [Fact]
    public async Task Empty_filters_find_fields_with_no_value_and_their_opposite()
    {
        Assert.Equal(["no-owner-vm"], await data.NamesAsync($"{Vms}&privateIps:empty=true"));
        Assert.Equal(["no-owner-vm"], await data.NamesAsync($"{Vms}&env:empty=true"));
        Assert.DoesNotContain("no-owner-vm", await data.NamesAsync($"{Vms}&env:empty=false"));
    }

    [Fact]
    public async Task Free_text_searches_names_uids_owners_and_type_fields()
    {
        Assert.Equal(["erp-db-01"], await data.NamesAsync($"{Vms}&q=ERP"));
        Assert.Equal(["pos-api-01"], await data.NamesAsync($"{Vms}&q=10.80.0.1"));
        Assert.Equal(["pos-api-02"], await data.NamesAsync($"{Vms}&q=u101"));
    }

    [Fact]
    public async Task Injection_attempts_in_filters_and_text_are_plain_text()
    {
        var drop = Uri.EscapeDataString("'; DROP TABLE inventory_resources; --");
        Assert.Equal(["'; DROP TABLE inventory_resources; --"], await data.NamesAsync($"{Vms}&name={drop}"));
        Assert.Empty(await data.NamesAsync($"{Vms}&name={Uri.EscapeDataString("x' OR '1'='1")}"));
        Assert.Empty(await data.NamesAsync($"{Vms}&q={Uri.EscapeDataString("' OR 1=1 --")}"));
        Assert.Equal(InventoryListData.Bulk, (await data.GetJsonAsync("/api/inventory/vm?account=bulk")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Mine_lists_what_the_signed_in_user_owns()
    {
        Assert.Equal(["erp-db-01"], await data.NamesAsync($"{Vms}&mine=true", TestAuth.Requester));
        Assert.Empty(await data.NamesAsync($"{Vms}&mine=true", TestAuth.Approver));
    }

    [Fact]
    public async Task Sorting_by_a_field_in_either_direction()
    {
        var ascending = await data.NamesAsync($"{Vms}&name:like=pos-api&sort=name");
        var descending = await data.NamesAsync($"{Vms}&name:like=pos-api&sort=-name");
        Assert.Equal(["pos-api-01", "pos-api-02"], ascending);
        Assert.Equal(["pos-api-02", "pos-api-01"], descending);
    }

    [Fact]
    public async Task Field_selection_returns_only_the_fields_asked_for()
    {
        var item = (await data.GetJsonAsync($"{Vms}&name=erp-db-01&fields=name,cpu,privateIps")).GetProperty("items")[0];
        Assert.Equal(["cpu", "name", "privateIps"], item.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(16, item.GetProperty("cpu").GetInt32());
        Assert.Equal("10.80.0.3", item.GetProperty("privateIps")[0].GetString());
    }

    [Fact]
    public async Task Classic_paging_gives_pages_and_the_total_and_the_page_size_is_capped()
    {
        var page2 = await data.GetJsonAsync("/api/inventory/vm?account=bulk&sort=name&page=2&pageSize=50");
        Assert.Equal(InventoryListData.Bulk, page2.GetProperty("total").GetInt32());
        Assert.Equal("bulk-051", page2.GetProperty("items")[0].GetProperty("name").GetString());
        var huge = await data.GetJsonAsync("/api/inventory/vm?pageSize=100000");
        Assert.Equal(500, huge.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task Cursor_paging_walks_every_row_once_even_when_rows_are_added_between_pages()
    {
        var seen = new List<string>();
        var first = await data.GetJsonAsync("/api/inventory/vm?name:like=bulk-&pageSize=40");
        seen.AddRange(first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!));
        await data.Db(async db =>
        {
            for (var i = 0; i < 5; i++)
                db.InventoryResources.Add(new Domain.Inventory.InventoryResource
                {
                    Type = "vm", ResourceUid = InventoryFixture.Uid("late"), Name = $"bulk-late-{i}", Cloud = "AWS", Account = "bulk-late",
                    CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                });
            return await db.SaveChangesAsync();
        });
        var cursor = first.GetProperty("nextCursor").GetString();
        while (cursor is not null)
        {
            var page = await data.GetJsonAsync($"/api/inventory/vm?name:like=bulk-&pageSize=40&cursor={cursor}");
            Assert.Equal(JsonValueKind.Null, page.GetProperty("total").ValueKind);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        Assert.Equal(InventoryListData.Bulk, seen.Count);
        Assert.Equal(InventoryListData.Bulk, seen.Distinct().Count());
    }

    [Fact]
    public async Task Cursor_paging_by_a_sort_field_keeps_its_order()
    {
        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await data.GetJsonAsync($"/api/inventory/vm?account=bulk&sort=-name&pageSize=50{(cursor is null ? "" : "&cursor=" + cursor)}");
            names.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(Enumerable.Range(1, InventoryListData.Bulk).Select(i => $"bulk-{i:000}").Reverse(), names);
    }

    [Theory]
    [InlineData("/api/inventory/spaceship", "type")]
    [InlineData("/api/inventory/vm?colour=red", "colour")]
    [InlineData("/api/inventory/vm?name:near=x", "name:near")]
    [InlineData("/api/inventory/vm?sort=cpu", "sort")]
    [InlineData("/api/inventory/vm?fields=name,shoeSize", "fields")]
    [InlineData("/api/inventory/vm?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/inventory/vm?cpu:like=4", "cpu:like")]
    [InlineData("/api/inventory/vm?id=abc", "id")]
    [InlineData("/api/inventory/vm?page=0", "page")]
    [InlineData("/api/inventory/network-device?aclRules=x", "aclRules")]
    [InlineData("/api/inventory/vm/options/shoeSize", "field")]
    public async Task Bad_input_is_a_400_naming_the_parameter(string url, string parameter)
    {
        var response = await data.As(TestAuth.Requester).GetAsync(url);
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Options_give_distinct_values_with_counts_under_the_other_filters()
    {
        var clouds = await data.GetJsonAsync("/api/inventory/vm/options/cloud?account=acct-main");
        var counts = clouds.EnumerateArray().ToDictionary(o => o.GetProperty("value").GetString()!, o => o.GetProperty("count").GetInt32());
        Assert.Equal(1, counts["Tencent Cloud"]);
        Assert.Equal(1, counts["AWS"]);
        Assert.Equal(7, counts["Alibaba Cloud"]);

        var narrowed = await data.GetJsonAsync("/api/inventory/vm/options/cloud?account=acct-main&cloud=AWS&status=已关机");
        Assert.Equal(["Tencent Cloud"], narrowed.EnumerateArray().Select(o => o.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Options_of_a_list_field_count_each_item()
    {
        var ips = await data.GetJsonAsync("/api/inventory/vm/options/privateIps?account=acct-main&name:like=pos-api");
        Assert.Equal(["10.80.0.1", "10.80.0.2"], ips.EnumerateArray().Select(o => o.GetProperty("value").GetString()).Order());
    }

    [Fact]
    public async Task A_resource_shows_its_relations_both_ways_and_its_journal()
    {
        var list = await data.GetJsonAsync($"{Vms}&name=pos-api-01&fields=id");
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt64();

        var detail = await data.GetJsonAsync($"/api/inventory/vm/{id}");

        Assert.Equal("Alibaba Cloud", detail.GetProperty("resource").GetProperty("cloud").GetString());
        Assert.Equal("u100", detail.GetProperty("resource").GetProperty("owner").GetString());
        Assert.Equal("pos", detail.GetProperty("resource").GetProperty("system").GetString());
        var related = detail.GetProperty("related").EnumerateArray()
            .Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("direction").GetString(), r.GetProperty("resource").GetProperty("name").GetString())).ToList();
        Assert.Contains(("host-vm", "in", "host-01"), related);
        Assert.Contains(("vm-security-group", "out", "sg-web"), related);
        var journal = Assert.Single(detail.GetProperty("journal").EnumerateArray());
        Assert.Equal("added", journal.GetProperty("action").GetString());
        Assert.Equal("sync:list-data#", journal.GetProperty("source").GetString()![..15]);
        Assert.Equal("pos-api-01", journal.GetProperty("changes").GetProperty("name").GetProperty("after").GetString());
    }

    [Fact]
    public async Task The_graph_reaches_as_deep_as_asked()
    {
        var host = (await data.GetJsonAsync("/api/inventory/host?name=host-01&fields=id")).GetProperty("items")[0].GetProperty("id").GetInt64();

        var one = await data.GetJsonAsync($"/api/inventory/host/{host}/graph?depth=1");
        var three = await data.GetJsonAsync($"/api/inventory/host/{host}/graph?depth=3");

        Assert.Equal(["host-01", "pos-api-01"], one.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).Order());
        Assert.Equal(["host-01", "pos-api-01", "pos-api-02", "sg-web"], three.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).Order());
        Assert.Equal(3, three.GetProperty("edges").GetArrayLength());
        var bad = await data.As(TestAuth.Requester).GetAsync($"/api/inventory/host/{host}/graph?depth=9");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await data.As(TestAuth.Requester).GetAsync($"/api/inventory/vm/{host}")).StatusCode);
    }

    [Fact]
    public async Task The_overview_counts_by_type_cloud_status_and_account_with_units()
    {
        var overview = await data.GetJsonAsync("/api/inventory/overview");

        var vm = overview.GetProperty("byType").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "vm");
        Assert.True(vm.GetProperty("count").GetInt32() >= 9 + InventoryListData.Bulk);
        Assert.Equal("台", vm.GetProperty("unit").GetString());
        Assert.Contains(overview.GetProperty("byCloud").EnumerateArray(), c => c.GetProperty("value").GetString() == "未知");
        Assert.Contains(overview.GetProperty("byAccount").EnumerateArray(), c => c.GetProperty("value").GetString() == "bulk" && c.GetProperty("count").GetInt32() == InventoryListData.Bulk);
        var cores = overview.GetProperty("capacity").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "宿主机CPU");
        Assert.Equal(64, cores.GetProperty("total").GetDecimal());
        Assert.Equal("核", cores.GetProperty("unit").GetString());
    }
}

/// <summary>GET /api/inventory/{type}/export: the list's filters, Chinese headers, the / placeholder, CSV and a real XLSX.</summary>
public sealed class InventoryExportTests(InventoryListData data) : IClassFixture<InventoryListData>
{
    [Fact]
    public async Task CSV_has_Chinese_headers_the_placeholder_for_empty_values_and_the_lists_filters()
    {
        var response = await data.As(TestAuth.Requester).GetAsync("/api/inventory/vm/export?format=csv&account=acct-main&name:like=o&fields=name,privateIps,cpu,owner&sort=name");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("名称,私网IP,CPU(核),负责人", lines[0]);
        Assert.Contains("no-owner-vm,/,4,/", lines);
        Assert.Contains("pos-api-02,10.80.0.2,8,u101", lines);
        Assert.Contains("'; DROP TABLE inventory_resources; --,10.80.0.8,4,/", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("bulk-"));
    }

    [Fact]
    public async Task XLSX_opens_as_a_workbook_with_the_same_rows()
    {
        var response = await data.As(TestAuth.Requester).GetAsync("/api/inventory/vm/export?format=xlsx&account=bulk&fields=name,privateIps,cloud&sort=name");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["名称", "私网IP", "云平台"], rows[0]);
        Assert.Equal(InventoryListData.Bulk + 1, rows.Count);
        Assert.Equal(["bulk-001", "10.81.0.2", "Alibaba Cloud"], rows[1]);
    }

    [Theory]
    [InlineData("/api/inventory/vm/export?format=pdf", "format")]
    [InlineData("/api/inventory/vm/export?colour=red", "colour")]
    [InlineData("/api/inventory/spaceship/export", "type")]
    public async Task Bad_export_requests_are_400s_naming_the_parameter(string url, string parameter)
    {
        var problem = await (await data.As(TestAuth.Requester).GetAsync(url)).AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }
}
