using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Domain.Tests.Inventory;

/// <summary>The folder import: JSON arrays and CSV files of the same shape give the same resources; bad files name file and line.</summary>
public sealed class FileInventoryConnectorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cmdb-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, string text, bool bom = false) => WriteBytes(name, [.. (bom ? Encoding.UTF8.Preamble : []), .. Encoding.UTF8.GetBytes(text)]);

    private void WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private void Delete(string name) => File.Delete(Path.Combine(_folder, name));

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
            list.Add(item);
        return list;
    }

    private Task<List<IncomingResource>> ResourcesAsync(string type) => ListAsync(new FileInventoryConnector(_folder).ReadResourcesAsync(type, default));

    private Task<InventorySourceException> FailureAsync(string type) =>
        Assert.ThrowsAsync<InventorySourceException>(() => ResourcesAsync(type));

    /// <summary>Every member of the record, attributes as JSON text, so two lists compare exactly.</summary>
    private static string Exact(IncomingResource r) => (r with { Attributes = null }) + " " + r.Attributes?.ToJsonString();

    [Fact]
    public async Task JSON_and_CSV_of_the_same_data_give_the_same_incoming_resources()
    {
        Write("vm.json", """
            [
              {"uid": "vm-1", "name": "pos, \"main\"", "cloud": "Qcloud", "account": "tc", "env": "prod", "tags": "owner:u1,system:pos", "status": "running",
               "createdAt": "2026-01-02T11:04:05+08:00", "attributes": {"cpu": 4, "Memory": 8, "privateIps": ["10.1.0.1", "10.1.0.2"], "osVersion": "麒麟 V10", "colour": "blue"}},
              {"uid": "vm-2", "name": "two\nlines", "createdAt": "2026-01-02T03:04:05", "attributes": {"cpu": 2, "disks": null}}
            ]
            """, bom: true);
        var json = await ResourcesAsync("vm");
        Delete("vm.json");
        Write("vm.csv", "uid,name,cloud,account,env,tags,status,createdAt,CPU,memory,privateIps,osVersion,colour\r\n" +
                        "vm-1,\"pos, \"\"main\"\"\",Qcloud,tc,prod,\"owner:u1,system:pos\",running,2026-01-02T03:04:05Z,4,8,10.1.0.1;10.1.0.2,麒麟 V10,blue\r\n" +
                        "vm-2,\"two\nlines\",,,,,,2026-01-02 03:04:05,2,,,,\r\n", bom: true);

        var csv = await ResourcesAsync("vm");

        Assert.Equal(2, csv.Count);
        Assert.Equal(json.Select(Exact), csv.Select(Exact));
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), csv[1].CreatedAt);
        Assert.Equal(DateTimeKind.Utc, json[1].CreatedAt!.Value.Kind);
        Assert.Equal("""{"cpu":4,"memory":8,"osVersion":"麒麟 V10","privateIps":["10.1.0.1","10.1.0.2"]}""",
            JsonSerializer.Serialize(new SortedDictionary<string, JsonNode?>(csv[0].Attributes!.ToDictionary()), InventoryItemJson.Options));
    }

    [Fact]
    public async Task CSV_cells_are_typed_by_their_field_kind_and_empty_cells_are_absent()
    {
        Write("network-device.csv", "uid,uPosition,warrantyYears,factoryDate,model,aclRules\n" +
                                    "sw-1,12,N/A,2021-05-01,S5735,\"[{\"\"source\"\":\"\"any\"\"}]\"\n" +
                                    "sw-2,,,,, \n");
        Write("host.csv", "uid,cpuOvercommit,vmCount\nh-1,1.5,4.0\n");
        Write("vm.csv", "uid,privateIps,securityGroups\nvm-1, 10.0.0.1 ; 10.0.0.2;,\n");

        var devices = await ResourcesAsync("network-device");
        var host = Assert.Single(await ResourcesAsync("host"));
        var vm = Assert.Single(await ResourcesAsync("vm"));

        var sw1 = devices[0].Attributes!;
        Assert.Equal((JsonValueKind.Number, 12L), (sw1["uPosition"]!.GetValueKind(), sw1["uPosition"]!.GetValue<long>()));
        Assert.Equal("N/A", sw1["warrantyYears"]!.GetValue<string>()); // kept as the JSON form would, the normaliser drops it
        Assert.Equal("2021-05-01", sw1["factoryDate"]!.GetValue<string>());
        Assert.Equal("any", sw1["aclRules"]!.AsArray().Single()!["source"]!.GetValue<string>());
        Assert.Empty(devices[1].Attributes!);
        Assert.Equal((JsonValueKind.Number, 1.5m), (host.Attributes!["cpuOvercommit"]!.GetValueKind(), host.Attributes!["cpuOvercommit"]!.GetValue<decimal>()));
        Assert.Equal(JsonValueKind.Number, host.Attributes!["vmCount"]!.GetValueKind());
        Assert.Equal(["10.0.0.1", "10.0.0.2"], vm.Attributes!["privateIps"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.False(vm.Attributes!.ContainsKey("securityGroups"));
    }

    [Fact]
    public async Task Quoted_cells_keep_commas_quotes_and_line_breaks_and_errors_count_physical_lines()
    {
        Write("vm.csv", "uid,name,tags\r\n" +
                        "vm-1,\"a, b\",\"x\r\ny\nz\"\r\n" +
                        "vm-2,\"\",\"say \"\"hi\"\"\"\r\n" +
                        "\r\n" +
                        "vm-3,c\"d,e\r\n");

        var failure = await FailureAsync("vm");

        // vm-1 spans lines 2–4, vm-2 is line 5, an empty line 6, the stray quote on line 7.
        Assert.Contains("vm.csv, line 7: a quote inside a cell", failure.Message);
        Delete("vm.csv");
        Write("vm.csv", "uid,name,tags\r\nvm-1,\"a, b\",\"x\r\ny\nz\"\r\nvm-2,\"\",\"say \"\"hi\"\"\"\r\n\r\n");
        var vms = await ResourcesAsync("vm");
        Assert.Equal([("vm-1", "a, b", "x\r\ny\nz"), ("vm-2", null, "say \"hi\"")], vms.Select(v => (v.Uid, v.Name, v.Tags)));
    }

    [Theory]
    [InlineData("uid,name\nvm-1,ok\nvm-2,\"never closed\nvm-3,x\n", 3, "never closed")]
    [InlineData("uid,name\nvm-1,\"closed\"x\n", 2, "after the closing quote")]
    [InlineData("uid,name\nvm-1,a,b\n", 2, "3 cells where the header has 2")]
    [InlineData("uid,name,env\nvm-1,a,prod\nvm-2,b\n", 3, "2 cells where the header has 3")]
    [InlineData("uid,name,Name\n", 1, "the column Name appears twice")]
    [InlineData("name,env\npos,prod\n", 1, "no uid column")]
    public async Task A_malformed_CSV_line_fails_naming_the_file_and_line(string csv, int line, string reason)
    {
        Write("vm.csv", csv);

        var failure = await FailureAsync("vm");

        Assert.Contains($"vm.csv, line {line}: ", failure.Message);
        Assert.Contains(reason, failure.Message);
    }

    [Fact]
    public async Task Rows_before_a_malformed_line_are_streamed_out_first()
    {
        Write("vm.csv", "uid\nvm-1\nvm-2\n\"vm-3\"x\nvm-4\n");
        var read = new List<string>();

        await Assert.ThrowsAsync<InventorySourceException>(async () =>
        {
            await foreach (var vm in new FileInventoryConnector(_folder).ReadResourcesAsync("vm", default))
                read.Add(vm.Uid);
        });

        Assert.Equal(["vm-1", "vm-2"], read);
    }

    [Fact]
    public async Task A_missing_or_empty_file_means_none_of_that_type()
    {
        Write("disk.csv", "");
        Write("lun.csv", "uid,size\r\n");
        var connector = new FileInventoryConnector(_folder);

        Assert.Empty(await ListAsync(connector.ReadResourcesAsync("rds", default)));
        Assert.Empty(await ListAsync(connector.ReadResourcesAsync("disk", default)));
        Assert.Empty(await ListAsync(connector.ReadResourcesAsync("lun", default)));
        Assert.Empty(await ListAsync(connector.ReadRelationsAsync("host-vm", default)));
    }

    [Fact]
    public async Task Relations_are_read_from_the_relations_folder_in_either_format()
    {
        Write("relations/host-vm.csv", "\uFEFFsourceType,sourceUid,targetType,targetUid\nhost,h-1,vm,vm-1\n");
        Write("relations/vm-disk.json", """[{"sourceType": "vm", "sourceUid": "vm-1", "targetType": "disk", "targetUid": "d-1"}]""", bom: true);
        Write("relations/host-lun.csv", "sourceType,sourceUid,targetUid\nhost,h-1,l-1\n");
        var connector = new FileInventoryConnector(_folder);

        Assert.Equal([new IncomingRelation("host-vm", "host", "h-1", "vm", "vm-1")], await ListAsync(connector.ReadRelationsAsync("host-vm", default)));
        Assert.Equal([new IncomingRelation("vm-disk", "vm", "vm-1", "disk", "d-1")], await ListAsync(connector.ReadRelationsAsync("vm-disk", default)));
        var failure = await Assert.ThrowsAsync<InventorySourceException>(() => ListAsync(connector.ReadRelationsAsync("host-lun", default)));
        Assert.Contains("host-lun.csv, line 1: the header has no targetType column", failure.Message);
    }

    [Fact]
    public async Task A_records_cell_holds_JSON()
    {
        Write("network-device.csv", "uid,aclRules\nsw-1,\"[{\"\"source\"\":\"\"10.1.0.0 0.0.255.255\"\"}]\"\n");

        var device = Assert.Single(await ResourcesAsync("network-device"));

        Assert.Contains("10.1.0.0/16", InventoryNormalizer.Normalize(device)!.AttributesJson);
    }

    [Fact]
    public async Task A_bad_records_cell_fails_naming_the_file_and_line()
    {
        Write("security-group.csv", "uid,rules\nsg-1,[]\nsg-2,{not json\n");

        var failure = await FailureAsync("security-group");

        Assert.Contains("security-group.csv, line 3: the rules cell is not JSON", failure.Message);
    }

    [Theory]
    [InlineData("[\n {\"uid\": \"vm-1\"},\n {\"uid\": \n", 4)]
    [InlineData("[\n {\"uid\": \"vm-1\"},\n {\"uid\": \"vm-2\", \"name\": 5}\n]", 3)]
    [InlineData("{\"uid\": \"vm-1\"}", 1)]
    public async Task Malformed_JSON_fails_naming_the_file_and_line(string json, int line)
    {
        Write("vm.json", json);

        var failure = await FailureAsync("vm");

        Assert.Contains($"vm.json, line {line}: not a JSON array of items", failure.Message);
    }

    [Fact]
    public async Task A_creation_time_that_does_not_parse_is_absent_in_either_format()
    {
        Write("vm.json", """[{"uid": "vm-1", "createdAt": "yesterday"}, {"uid": "vm-2", "createdAt": 1767322800}, {"uid": "vm-3", "createdAt": {"at": [1]}}]""");
        Write("rds.csv", "uid,createdAt\nrds-1,yesterday\n");

        Assert.All(await ResourcesAsync("vm"), vm => Assert.Null(vm.CreatedAt));
        Assert.Null(Assert.Single(await ResourcesAsync("rds")).CreatedAt);
    }

    [Fact]
    public async Task A_CSV_file_that_is_not_UTF8_fails_naming_the_file()
    {
        WriteBytes("vm.csv", [.. "uid,name\nvm-1,"u8, 0xC3, 0x28, .. "\n"u8]);

        var failure = await FailureAsync("vm");

        Assert.Contains("vm.csv: not UTF-8 text near line", failure.Message);
    }

    [Fact]
    public async Task A_quote_never_closed_cannot_swallow_the_file()
    {
        var csv = new CsvRecordReader(new StringReader("uid\n\"vm-1\nvm-2\nvm-3\n" + new string('x', 100)), "vm.csv", maxCellLength: 64);

        await csv.ReadAsync(default);
        var failure = await Assert.ThrowsAsync<InventorySourceException>(async () => await csv.ReadAsync(default));

        Assert.Equal("vm.csv, line 2: a cell longer than 64 characters (a quote never closed?).", failure.Message);
    }
}
