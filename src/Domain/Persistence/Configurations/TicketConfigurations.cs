using Cmdb.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmdb.Domain.Persistence.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("tickets");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.FlowId).HasMaxLength(Lengths.Short);
        builder.Property(x => x.FlowName).HasMaxLength(Lengths.Name);
        builder.Property(x => x.Title).HasMaxLength(Lengths.Name);
        builder.Property(x => x.Requester).HasMaxLength(Lengths.Short);
        builder.Property(x => x.RequesterName).HasMaxLength(Lengths.Short);
        builder.Property(x => x.FormType).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Env).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.CurrentStepId).HasMaxLength(Lengths.Short);
        builder.Property(x => x.CurrentStepName).HasMaxLength(Lengths.Name);
        builder.Property(x => x.WorkflowInstanceId).HasMaxLength(Lengths.Id);
        builder.Property(x => x.IdempotencyKey).HasMaxLength(Lengths.Short);
        builder.Property(x => x.ResolvedTaskKey).HasMaxLength(Lengths.Name);
        builder.Property(x => x.ResolvedTaskAction).HasMaxLength(16);
        builder.Property(x => x.RowVersion).IsConcurrencyToken();
        builder.OwnsOne(x => x.Task, task =>
        {
            task.Property(t => t.Key).HasMaxLength(Lengths.Name);
            task.Property(t => t.StepId).HasMaxLength(Lengths.Short);
            task.Property(t => t.Name).HasMaxLength(Lengths.Name);
            task.Property(t => t.Kind).HasMaxLength(16);
            task.Property(t => t.Role).HasMaxLength(32);
            task.Property(t => t.Users).HasMaxLength(Lengths.Text);
        });
        builder.OwnsOne(x => x.Incident, incident =>
        {
            incident.Property(i => i.StepId).HasMaxLength(Lengths.Short);
            incident.Property(i => i.StepName).HasMaxLength(Lengths.Name);
        });
        builder.HasIndex(x => new { x.Requester, x.IdempotencyKey }).IsUnique();
        builder.HasIndex(x => new { x.Status, x.CreatedAt });
        builder.HasIndex(x => new { x.Requester, x.CreatedAt });
        builder.HasIndex(x => new { x.FlowId, x.CreatedAt });
        builder.HasIndex(x => x.WorkflowInstanceId);
    }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> builder)
    {
        builder.ToTable("ticket_events");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Kind).HasMaxLength(32);
        builder.Property(x => x.StepId).HasMaxLength(Lengths.Short);
        builder.Property(x => x.StepName).HasMaxLength(Lengths.Name);
        builder.Property(x => x.Actor).HasMaxLength(Lengths.Short);
        builder.Property(x => x.ActorName).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Outcome).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Comment).HasMaxLength(Lengths.Text);
        builder.Property(x => x.DedupKey).HasMaxLength(Lengths.Name);
        builder.HasIndex(x => new { x.TicketId, x.Time });
        builder.HasIndex(x => x.DedupKey).IsUnique();
        builder.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResourceClaimConfiguration : IEntityTypeConfiguration<ResourceClaim>
{
    public void Configure(EntityTypeBuilder<ResourceClaim> builder)
    {
        builder.ToTable("resource_claims");
        builder.HasKey(x => new { x.ResourceType, x.ResourceKey });
        builder.Property(x => x.ResourceType).HasMaxLength(32);
        builder.Property(x => x.ResourceKey).HasMaxLength(Lengths.Name);
        builder.HasIndex(x => x.TicketId);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
