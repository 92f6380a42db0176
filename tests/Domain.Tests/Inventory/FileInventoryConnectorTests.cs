using System.Text;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Domain.Tests.Inventory;

/// <summary>The folder import: JSON arrays and CSV files of the same shape give the same resources; bad files name file and line.</summary>
public sealed class FileInventoryConnectorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cmdb-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, string text, bool bom = false)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(bom));
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
            list.Add(item);
        return list;
    }

    private static string Canonical(IncomingResource r) => InventoryNormalizer.Normalize(r)!.Hash;

    [Fact]
    public async Task JSON_and_CSV_of_the_same_data_give_the_same_resources()
    {
        Write("vm.json", """
            [
              {"uid": "vm-1", "name": "pos, \"main\"", "cloud": "Qcloud", "account": "tc", "env": "prod", "tags": "owner:u1,system:pos", "status": "running",
               "createdAt": "2026-01-02T03:04:05Z", "attributes": {"cpu": 4, "memory": 8, "privateIps": ["10.1.0.1", "10.1.0.2"], "osVersion": "麒麟 V10"}},
              {"uid": "vm-2", "name": "two\nlines", "attributes": {"cpu": 2}}
            ]
            """);
        var json = await ListAsync(new FileInventoryConnector(_folder).ReadResourcesAsync("vm", default));
        File.Delete(Path.Combine(_folder, "vm.json"));
        Write("vm.csv", "uid,name,cloud,account,env,tags,status,createdAt,cpu,memory,privateIps,osVersion,colour\r\n" +
                        "vm-1,\"pos, \"\"main\"\"\",Qcloud,tc,prod,\"owner:u1,system:pos\",running,2026-01-02T03:04:05Z,4,8,10.1.0.1;10.1.0.2,麒麟 V10,blue\r\n" +
                        "vm-2,\"two\nlines\",,,,,,,2,,,,\r\n", bom: true);

        var csv = await ListAsync(new FileInventoryConnector(_folder).ReadResourcesAsync("vm", default));

        Assert.Equal(2, csv.Count);
        Assert.Equal(json.Select(Canonical), csv.Select(Canonical));
        Assert.Equal("pos, \"main\"", csv[0].Name);
        Assert.Equal("two\nlines", csv[1].Name);
    }

    [Fact]
    public async Task A_missing_file_means_none_of_that_type()
    {
        var connector = new FileInventoryConnector(_folder);

        Assert.Empty(await ListAsync(connector.ReadResourcesAsync("rds", default)));
        Assert.Empty(await ListAsync(connector.ReadRelationsAsync("host-vm", default)));
    }

    [Fact]
    public async Task Relations_are_read_from_the_relations_folder_in_either_format()
    {
        Write("relations/host-vm.csv", "sourceType,sourceUid,targetType,targetUid\nhost,h-1,vm,vm-1\n");
        Write("relations/vm-disk.json", """[{"sourceType": "vm", "sourceUid": "vm-1", "targetType": "disk", "targetUid": "d-1"}]""");
        var connector = new FileInventoryConnector(_folder);

        Assert.Equal([new IncomingRelation("host-vm", "host", "h-1", "vm", "vm-1")], await ListAsync(connector.ReadRelationsAsync("host-vm", default)));
        Assert.Equal([new IncomingRelation("vm-disk", "vm", "vm-1", "disk", "d-1")], await ListAsync(connector.ReadRelationsAsync("vm-disk", default)));
    }

    [Fact]
    public async Task A_records_cell_holds_JSON()
    {
        Write("network-device.csv", "uid,aclRules\nsw-1,\"[{\"\"source\"\":\"\"10.1.0.0 0.0.255.255\"\"}]\"\n");

        var device = Assert.Single(await ListAsync(new FileInventoryConnector(_folder).ReadResourcesAsync("network-device", default)));

        Assert.Contains("10.1.0.0/16", InventoryNormalizer.Normalize(device)!.AttributesJson);
    }

    [Fact]
    public async Task Malformed_JSON_fails_naming_the_file_and_line()
    {
        Write("vm.json", "[\n {\"uid\": \"vm-1\"},\n {\"uid\": \n");

        var failure = await Assert.ThrowsAsync<InventorySourceException>(() => ListAsync(new FileInventoryConnector(_folder).ReadResourcesAsync("vm", default)));

        Assert.Contains("vm.json, line", failure.Message);
    }

    [Fact]
    public async Task A_bad_records_cell_fails_naming_the_file_and_line()
    {
        Write("security-group.csv", "uid,rules\nsg-1,[]\nsg-2,{not json\n");

        var failure = await Assert.ThrowsAsync<InventorySourceException>(() => ListAsync(new FileInventoryConnector(_folder).ReadResourcesAsync("security-group", default)));

        Assert.Contains("security-group.csv, line 3", failure.Message);
    }
}
