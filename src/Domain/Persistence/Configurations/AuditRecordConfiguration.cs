using Cmdb.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmdb.Domain.Persistence.Configurations;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("audit_logs");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Module).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Method).HasMaxLength(16);
        builder.Property(x => x.Operation).HasMaxLength(Lengths.Name);
        builder.Property(x => x.RouteTemplate).HasMaxLength(Lengths.Text);
        builder.Property(x => x.Url).HasMaxLength(2048);
        builder.Property(x => x.ClientIp).HasMaxLength(64);
        builder.Property(x => x.Message).HasMaxLength(Lengths.Text);
        builder.Property(x => x.UserName).HasMaxLength(Lengths.Short);
        builder.Property(x => x.UserKey).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Nickname).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Scope).HasMaxLength(16);
        builder.HasIndex(x => x.Time);
        builder.HasIndex(x => new { x.UserKey, x.Time });
        builder.HasIndex(x => new { x.Module, x.Time });
        builder.HasIndex(x => new { x.Operation, x.Time });
        builder.HasIndex(x => new { x.Scope, x.Time });
    }
}
