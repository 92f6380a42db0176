using Microsoft.EntityFrameworkCore;

namespace Cmdb.Domain.Persistence;

/// <summary>MySQL 8 / MariaDB; owns the migrations under Migrations/MySql.</summary>
public sealed class MySqlCmdbDbContext(DbContextOptions<MySqlCmdbDbContext> options) : CmdbDbContext(options);
