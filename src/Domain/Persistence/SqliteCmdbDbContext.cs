using Microsoft.EntityFrameworkCore;

namespace Cmdb.Domain.Persistence;

/// <summary>The embedded default; owns the migrations under Migrations/Sqlite.</summary>
public sealed class SqliteCmdbDbContext(DbContextOptions<SqliteCmdbDbContext> options) : CmdbDbContext(options);
