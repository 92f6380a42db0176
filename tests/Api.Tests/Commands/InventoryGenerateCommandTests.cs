using System.Text.Json;
using Cmdb.Api.Commands;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Demo;
using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Api.Tests.Commands;

/// <summary><c>inventory generate</c>: writes the import folder format, which the file connector reads back unchanged.</summary>
public sealed class InventoryGenerateCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("cmdb-generate-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using StringWriter output = new(), error = new();
        var code = await InventoryGenerateCommand.RunAsync(["inventory", "generate", .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<List<T>> ReadAllAsync<T>(IAsyncEnumerable<T> items)
    {
        var all = new List<T>();
        await foreach (var item in items)
            all.Add(item);
        return all;
    }

    [Fact]
    public async Task It_writes_a_folder_of_2000_resources_that_the_file_connector_reads_back_unchanged()
    {
        var folder = Path.Combine(root, "out");

        var (code, output, error) = await RunAsync("--resources", "2000", "--seed", "5", "--out", folder);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.StartsWith("Wrote 2,000 resources and ", output);
        var generator = new InventoryGenerator(2_000, seed: 5);
        var files = new FileInventoryConnector(folder);
        var total = 0;
        foreach (var type in InventoryTypes.All)
        {
            var read = await ReadAllAsync(files.ReadResourcesAsync(type.Key, CancellationToken.None));
            var expected = generator.Resources(type.Key).ToList();
            Assert.Equal(expected.Select(r => InventoryNormalizer.Normalize(r)?.Hash), read.Select(r => InventoryNormalizer.Normalize(r)?.Hash));
            total += read.Count;
        }
        Assert.Equal(2_000, total);
        foreach (var (kind, _, _) in InventoryTypes.RelationKinds)
            Assert.Equal(generator.Relations(kind), await ReadAllAsync(files.ReadRelationsAsync(kind, CancellationToken.None)));
    }

    [Fact]
    public async Task The_files_are_JSON_arrays_of_camel_case_items_one_per_line()
    {
        var folder = Path.Combine(root, "out");
        await RunAsync("--resources=2000", "--out", folder);

        var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "vm.json"));
        using var vms = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "vm.json")));
        using var relations = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "relations", "host-vm.json")));

        Assert.Equal(900, vms.RootElement.GetArrayLength());
        Assert.Equal(900 + 2, lines.Length);
        var vm = vms.RootElement[0];
        Assert.Equal("i-00000000", vm.GetProperty("uid").GetString());
        Assert.Equal(JsonValueKind.Array, vm.GetProperty("attributes").GetProperty("privateIps").ValueKind);
        Assert.Contains("运行中", await File.ReadAllTextAsync(Path.Combine(folder, "vm.json"))); // Chinese as it is, not \u escapes
        Assert.Equal("host", relations.RootElement[0].GetProperty("sourceType").GetString());
        Assert.Equal(JsonValueKind.String, relations.RootElement[0].GetProperty("targetUid").ValueKind);
    }

    [Fact]
    public async Task The_same_seed_writes_the_same_bytes_and_another_seed_others()
    {
        await RunAsync("--resources", "1000", "--seed", "9", "--out", Path.Combine(root, "a"));
        await RunAsync("--resources", "1000", "--seed", "9", "--out", Path.Combine(root, "b"));
        await RunAsync("--resources", "1000", "--seed", "10", "--out", Path.Combine(root, "c"));

        byte[] Vms(string run) => File.ReadAllBytes(Path.Combine(root, run, "vm.json"));
        Assert.Equal(Vms("a"), Vms("b"));
        Assert.NotEqual(Vms("a"), Vms("c"));
    }

    [Theory]
    [InlineData(new[] { "--out", "x" }, "--resources is required")]
    [InlineData(new[] { "--resources", "many", "--out", "x" }, "--resources must be a whole number")]
    [InlineData(new[] { "--resources", "50", "--out", "x" }, "--resources must be a whole number from 200")]
    [InlineData(new[] { "--resources", "1000" }, "--out is required")]
    [InlineData(new[] { "--resources", "1000", "--seed", "abc", "--out", "x" }, "--seed must be a whole number")]
    [InlineData(new[] { "--resources", "1000", "--size", "3", "--out", "x" }, "unknown option --size")]
    [InlineData(new[] { "--resources" }, "--resources needs a value")]
    public async Task Bad_arguments_exit_with_2_naming_the_option(string[] args, string message)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error);
        Assert.Contains(InventoryGenerateCommand.Usage, error);
    }

    [Fact]
    public async Task A_folder_that_cannot_be_written_exits_with_1()
    {
        var file = Path.Combine(root, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");

        var (code, _, error) = await RunAsync("--resources", "1000", "--out", file);

        Assert.Equal(1, code);
        Assert.Contains($"cannot write {file}", error);
    }

    [Fact]
    public async Task The_service_entry_point_runs_the_command_instead_of_the_web_host()
    {
        var folder = Path.Combine(root, "entry");
        var main = typeof(Program).Assembly.EntryPoint!;

        var result = main.Invoke(null, [new[] { "inventory", "generate", "--resources", "1000", "--out", folder }]);
        if (result is Task task)
            await task;

        Assert.True(File.Exists(Path.Combine(folder, "vm.json")));
        Assert.True(File.Exists(Path.Combine(folder, "relations", "subnet-vpc.json")));
        Assert.Equal(0, Environment.ExitCode);
    }
}
