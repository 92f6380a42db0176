using System.Text.Json.Nodes;
using Cmdb.Domain.Persistence;
using Cmdb.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cmdb.Workflows.Tests.Definitions;

/// <summary>At start, files under workflow-definitions/ are imported when their (id, version) is not stored, then every version is registered.</summary>
public sealed class DefinitionStartupTests(DefinitionStoreFixture fixture) : IClassFixture<DefinitionStoreFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cmdb-definitions-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task RunStartupAsync()
    {
        var services = fixture.Services;
        var startup = new DefinitionStartup(services.GetRequiredService<DefinitionStore>(), services.GetRequiredService<DefinitionValidator>(),
            services.GetRequiredService<FlowRegistry>(), services.GetRequiredService<IDbContextFactory<CmdbDbContext>>(),
            new DefinitionFiles(_folder), NullLogger<DefinitionStartup>.Instance);
        return startup.RunAsync(null!, CancellationToken.None);
    }

    private void WriteFile(JsonObject document) =>
        File.WriteAllText(Path.Combine(_folder, $"{document["id"]}.v{document["version"]}.json"), document.ToJsonString());

    private static JsonObject Flow(string id, int version, string nameEn = "Test flow")
    {
        var doc = DefinitionStoreFixture.Flow(id);
        doc["version"] = version;
        doc["name"]!["en"] = nameEn;
        return doc;
    }

    private Task<List<(int Version, string Json)>> StoredAsync(string flow) =>
        fixture.Db(async db => (await db.FlowVersions.AsNoTracking().Where(v => v.FlowId == flow).OrderBy(v => v.Version)
            .Select(v => new { v.Version, v.Json }).ToListAsync()).Select(v => (v.Version, v.Json)).ToList());

    [Fact]
    public async Task Files_not_stored_yet_are_imported_and_registered_with_the_engine()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        WriteFile(Flow(flow, 1));
        File.Copy(Docs.FilePath("workflow-definition.schema.json"), Path.Combine(_folder, "workflow-definition.schema.json"));

        await RunStartupAsync();

        var stored = Assert.Single(await StoredAsync(flow));
        Assert.Equal(1, stored.Version);
        Assert.Equal("file", await fixture.Db(db => db.FlowVersions.Where(v => v.FlowId == flow).Select(v => v.Source).SingleAsync()));
        Assert.True(fixture.Services.GetRequiredService<LoadedDefinitions>().Contains(flow, 1));
        Assert.True(fixture.Services.GetRequiredService<FlowRegistry>().IsRegistered(flow, 1));
    }

    [Fact]
    public async Task A_changed_file_of_a_stored_version_leaves_the_stored_version_as_it_was()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        WriteFile(Flow(flow, 1));
        await RunStartupAsync();
        var before = await StoredAsync(flow);

        WriteFile(Flow(flow, 1, nameEn: "Renamed in the file"));
        await RunStartupAsync();

        Assert.Equal(before, await StoredAsync(flow));
        Assert.DoesNotContain("Renamed", (await StoredAsync(flow))[0].Json);
    }

    [Fact]
    public async Task A_new_version_file_is_imported_beside_the_stored_one()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        WriteFile(Flow(flow, 1));
        await RunStartupAsync();

        WriteFile(Flow(flow, 2, nameEn: "Test flow, second edition"));
        await RunStartupAsync();

        Assert.Equal([1, 2], (await StoredAsync(flow)).Select(v => v.Version));
        var record = await fixture.Db(db => db.Flows.AsNoTracking().SingleAsync(f => f.Id == flow));
        Assert.Equal((2, "Test flow, second edition"), (record.LatestVersion, record.NameEn));
    }

    [Fact]
    public async Task An_invalid_or_unversioned_file_is_not_imported_and_does_not_stop_the_others()
    {
        var broken = DefinitionStoreFixture.NewFlowId();
        var unversioned = DefinitionStoreFixture.NewFlowId();
        var good = DefinitionStoreFixture.NewFlowId();
        var invalid = Flow(broken, 1);
        invalid.Step("notify")["activity"] = "notify.sms";
        WriteFile(invalid);
        var noVersion = DefinitionStoreFixture.Flow(unversioned);
        File.WriteAllText(Path.Combine(_folder, $"{unversioned}.json"), noVersion.ToJsonString());
        File.WriteAllText(Path.Combine(_folder, "aaa-not-json.json"), "{ this is not json");
        WriteFile(Flow(good, 1));

        await RunStartupAsync();

        Assert.Empty(await StoredAsync(broken));
        Assert.Empty(await StoredAsync(unversioned));
        Assert.Single(await StoredAsync(good));
    }

    [Fact]
    public async Task A_version_published_in_the_designer_is_not_replaced_by_a_file_of_the_same_version()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        var doc = DefinitionStoreFixture.Flow(flow);
        await fixture.Store.SaveDraftAsync(flow, doc.ToJsonString(), "admin", CancellationToken.None);
        await fixture.Store.PublishAsync(flow, "admin", CancellationToken.None);
        var before = await StoredAsync(flow);

        WriteFile(Flow(flow, 1, nameEn: "From a file"));
        await RunStartupAsync();

        Assert.Equal(before, await StoredAsync(flow));
        Assert.Equal("designer", await fixture.Db(db => db.FlowVersions.Where(v => v.FlowId == flow).Select(v => v.Source).SingleAsync()));
    }
    [Fact]
    public async Task Every_version_file_is_imported_on_a_fresh_start_whatever_the_order_of_the_file_names()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        // By name, "x.v10.json" sorts before "x.v2.json".
        foreach (var version in new[] { 1, 2, 10 })
            WriteFile(Flow(flow, version, nameEn: $"Test flow, edition {version}"));

        await RunStartupAsync();

        Assert.Equal([1, 2, 10], (await StoredAsync(flow)).Select(v => v.Version));
        var record = await fixture.Db(db => db.Flows.AsNoTracking().SingleAsync(f => f.Id == flow));
        Assert.Equal((10, "Test flow, edition 10"), (record.LatestVersion, record.NameEn));
    }
}
