using Microsoft.EntityFrameworkCore;

namespace Cmdb.Domain.Persistence;

/// <summary>Hands out the configured provider's context as the shared <see cref="CmdbDbContext"/> type.</summary>
internal sealed class CmdbDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<CmdbDbContext>
    where TContext : CmdbDbContext
{
    public CmdbDbContext CreateDbContext() => inner.CreateDbContext();
}
