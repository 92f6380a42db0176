using Cmdb.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmdb.Domain.Persistence.Configurations;

internal sealed class NotificationRecordConfiguration : IEntityTypeConfiguration<NotificationRecord>
{
    public void Configure(EntityTypeBuilder<NotificationRecord> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Event).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Purpose).HasMaxLength(32);
        builder.Property(x => x.RecipientUser).HasMaxLength(Lengths.Short);
        builder.Property(x => x.RecipientRole).HasMaxLength(32);
        builder.Property(x => x.TicketId).HasMaxLength(64);
        builder.Property(x => x.Title).HasMaxLength(Lengths.Text);
        builder.Property(x => x.LeaseOwner).HasMaxLength(Lengths.Short);
        builder.Property(x => x.LastError).HasMaxLength(Lengths.Text);
        builder.HasIndex(x => new { x.Status, x.NextAttemptAt });
        builder.HasIndex(x => new { x.RecipientUser, x.CreatedAt });
        builder.HasIndex(x => new { x.RecipientRole, x.CreatedAt });
        builder.HasIndex(x => x.TicketId);
        builder.Property(x => x.DedupKey).HasMaxLength(Lengths.Name);
        builder.HasIndex(x => x.DedupKey).IsUnique();
    }
}

internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> builder)
    {
        builder.ToTable("notification_reads");
        builder.HasKey(x => new { x.NotificationId, x.UserName });
        builder.Property(x => x.UserName).HasMaxLength(Lengths.Short);
        builder.HasOne<NotificationRecord>().WithMany().HasForeignKey(x => x.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
