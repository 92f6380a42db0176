using Cmdb.Domain.LocalSystems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmdb.Domain.Persistence.Configurations;

internal sealed class LocalPuppetCertificateConfiguration : IEntityTypeConfiguration<LocalPuppetCertificate>
{
    public void Configure(EntityTypeBuilder<LocalPuppetCertificate> builder)
    {
        builder.ToTable("local_puppet_certificates");
        builder.HasKey(x => x.Certname);
        builder.Property(x => x.Certname).HasMaxLength(255);
        builder.Property(x => x.State).HasMaxLength(16);
    }
}

internal sealed class LocalLdapEntryConfiguration : IEntityTypeConfiguration<LocalLdapEntry>
{
    public void Configure(EntityTypeBuilder<LocalLdapEntry> builder)
    {
        builder.ToTable("local_ldap_entries");
        builder.HasKey(x => x.Dn);
        builder.Property(x => x.Dn).HasMaxLength(500);
        builder.Property(x => x.Group).HasMaxLength(Lengths.Name);
    }
}
