using Cmdb.Domain;
using Cmdb.Domain.LocalSystems;
using Cmdb.Domain.Persistence;
using Cmdb.Integrations.PuppetCa;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Integrations.Tests.PuppetCa;

/// <summary>The embedded default's stand-in CA on its own SQLite table.</summary>
public sealed class LocalPuppetCertificateAuthorityTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cmdb-puppetca-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = null!;

    private IPuppetCertificateAuthority Ca => _services.GetRequiredService<IPuppetCertificateAuthority>();

    public async Task InitializeAsync()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cmdb"] = $"Data Source={_file}",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddDomain(config).AddPuppetCa(config).BuildServiceProvider();
        await using var db = await Contexts().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        db.LocalPuppetCertificates.AddRange(
            new LocalPuppetCertificate { Certname = "store-0001-pos.example.test", State = "signed", UpdatedAt = DateTime.UtcNow.AddDays(-3) },
            new LocalPuppetCertificate { Certname = "store-0002-pos.example.test", State = "revoked", UpdatedAt = DateTime.UtcNow.AddDays(-1) },
            new LocalPuppetCertificate { Certname = "store-0003-pos.example.test", State = "signed", UpdatedAt = DateTime.UtcNow.AddDays(-3) });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private IDbContextFactory<CmdbDbContext> Contexts() => _services.GetRequiredService<IDbContextFactory<CmdbDbContext>>();

    private async Task<string[]> Certnames()
    {
        await using var db = await Contexts().CreateDbContextAsync();
        return await db.LocalPuppetCertificates.OrderBy(c => c.Certname).Select(c => c.Certname).ToArrayAsync();
    }

    [Fact]
    public async Task Removing_a_signed_certificate_deletes_only_its_row()
    {
        Assert.True(await Ca.HasCertificateAsync("store-0001-pos.example.test", default));

        Assert.Equal(CertificateRemoval.Deleted, await Ca.RemoveCertificateAsync("store-0001-pos.example.test", default));

        Assert.False(await Ca.HasCertificateAsync("store-0001-pos.example.test", default));
        Assert.Equal(["store-0002-pos.example.test", "store-0003-pos.example.test"], await Certnames());
    }

    [Fact]
    public async Task A_certificate_left_revoked_is_deleted()
    {
        Assert.Equal(CertificateRemoval.Deleted, await Ca.RemoveCertificateAsync("store-0002-pos.example.test", default));
        Assert.DoesNotContain("store-0002-pos.example.test", await Certnames());
    }

    [Fact]
    public async Task A_missing_certificate_is_NotFound_and_removing_twice_is_NotFound()
    {
        Assert.Equal(CertificateRemoval.NotFound, await Ca.RemoveCertificateAsync("never-issued.example.test", default));
        Assert.Equal(CertificateRemoval.Deleted, await Ca.RemoveCertificateAsync("store-0003-pos.example.test", default));
        Assert.Equal(CertificateRemoval.NotFound, await Ca.RemoveCertificateAsync("store-0003-pos.example.test", default));
        Assert.Equal(["store-0001-pos.example.test", "store-0002-pos.example.test"], await Certnames());
    }
}
