using Cmdb.Domain;
using Cmdb.Domain.Common;
using Cmdb.Domain.LocalSystems;
using Cmdb.Domain.Persistence;
using Cmdb.Integrations.Ldap;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Integrations.Tests.Ldap;

/// <summary>The embedded default's stand-in on a real SQLite file, migrated as the service does it.</summary>
public sealed class LocalLdapDirectoryTests : IAsyncLifetime
{
    private const string Dn = "cn=store-0001-pos-01,ou=hosts,dc=cmdb,dc=test";
    private static readonly DateTime Created = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cmdb-ldap-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = null!;

    private ILdapDirectory Directory => _services.GetRequiredService<ILdapDirectory>();

    public async Task InitializeAsync()
    {
        _services = LdapServices.Build(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Cmdb"] = $"Data Source={_file}",
        }, (services, configuration) => services.AddDomain(configuration));
        await using var db = await Contexts().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        db.LocalLdapEntries.Add(new LocalLdapEntry { Dn = Dn, Group = "pos-legacy", UpdatedAt = Created });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(file);
    }

    [Fact]
    public async Task Changing_the_group_updates_the_entry_and_reports_the_previous_value()
    {
        var change = await Directory.ChangeGroupAsync(Dn, "pos-2026", default);

        Assert.Equal(new GroupChange(Dn, "pos-legacy", "pos-2026", Changed: true), change);
        var entry = await StoredAsync();
        Assert.Equal("pos-2026", entry.Group);
        Assert.True(entry.UpdatedAt > Created);
        Assert.Equal("pos-2026", await Directory.GetGroupAsync(Dn, default));
    }

    [Fact]
    public async Task Changing_to_the_group_it_already_has_reports_no_change_and_writes_nothing()
    {
        var change = await Directory.ChangeGroupAsync(Dn, "pos-legacy", default);

        Assert.Equal(new GroupChange(Dn, "pos-legacy", "pos-legacy", Changed: false), change);
        var entry = await StoredAsync();
        Assert.Equal(("pos-legacy", Created), (entry.Group, entry.UpdatedAt));
    }

    [Fact]
    public async Task A_missing_entry_is_the_same_LDAP_error_as_from_the_real_directory()
    {
        const string missing = "cn=store-0002-pos-01,ou=hosts,dc=cmdb,dc=test";

        var change = await Assert.ThrowsAsync<ExternalSystemException>(() => Directory.ChangeGroupAsync(missing, "pos-2026", default));
        var read = await Assert.ThrowsAsync<ExternalSystemException>(() => Directory.GetGroupAsync(missing, default));

        foreach (var error in new[] { change, read })
            Assert.Equal(("LDAP", $"LDAP: entry {missing} does not exist", false), (error.System, error.Message, error.Unavailable));
        await using var db = await Contexts().CreateDbContextAsync();
        Assert.Equal(1, await db.LocalLdapEntries.CountAsync());
    }

    private IDbContextFactory<CmdbDbContext> Contexts() => _services.GetRequiredService<IDbContextFactory<CmdbDbContext>>();

    private async Task<LocalLdapEntry> StoredAsync()
    {
        await using var db = await Contexts().CreateDbContextAsync();
        return await db.LocalLdapEntries.AsNoTracking().SingleAsync(e => e.Dn == Dn);
    }
}
