using Cmdb.Domain.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmdb.Domain.Persistence.Configurations;

internal sealed class WorkflowRecordConfiguration : IEntityTypeConfiguration<WorkflowRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowRecord> builder)
    {
        builder.ToTable("wf_workflows");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(Lengths.Id).IsUnicode(false);
        builder.Property(x => x.DefinitionId).HasMaxLength(Lengths.Name);
        builder.Property(x => x.Description).HasMaxLength(Lengths.Text);
        builder.Property(x => x.Reference).HasMaxLength(Lengths.Name);
        builder.Property(x => x.Revision).IsConcurrencyToken();
        builder.HasIndex(x => new { x.Status, x.NextExecution });
        builder.HasIndex(x => x.Reference);
        builder.HasIndex(x => new { x.DefinitionId, x.Version });
        builder.HasIndex(x => x.CreateTime);
    }
}

internal sealed class EventRecordConfiguration : IEntityTypeConfiguration<EventRecord>
{
    public void Configure(EntityTypeBuilder<EventRecord> builder)
    {
        builder.ToTable("wf_events");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(Lengths.Id).IsUnicode(false);
        builder.Property(x => x.Name).HasMaxLength(Lengths.Name);
        builder.Property(x => x.Key).HasMaxLength(Lengths.Name);
        builder.HasIndex(x => new { x.IsProcessed, x.EventTime });
        builder.HasIndex(x => new { x.Name, x.Key, x.EventTime });
    }
}

internal sealed class SubscriptionRecordConfiguration : IEntityTypeConfiguration<SubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<SubscriptionRecord> builder)
    {
        builder.ToTable("wf_subscriptions");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(Lengths.Id).IsUnicode(false);
        builder.Property(x => x.WorkflowId).HasMaxLength(Lengths.Id).IsUnicode(false);
        builder.Property(x => x.ExecutionPointerId).HasMaxLength(Lengths.Id).IsUnicode(false);
        builder.Property(x => x.EventName).HasMaxLength(Lengths.Name);
        builder.Property(x => x.EventKey).HasMaxLength(Lengths.Name);
        builder.Property(x => x.ExternalToken).HasMaxLength(Lengths.Name);
        builder.Property(x => x.ExternalWorkerId).HasMaxLength(Lengths.Name);
        builder.HasIndex(x => new { x.EventName, x.EventKey, x.SubscribeAsOf });
        builder.HasIndex(x => x.WorkflowId);
    }
}

internal sealed class ExecutionErrorRecordConfiguration : IEntityTypeConfiguration<ExecutionErrorRecord>
{
    public void Configure(EntityTypeBuilder<ExecutionErrorRecord> builder)
    {
        builder.ToTable("wf_execution_errors");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.WorkflowId).HasMaxLength(Lengths.Id).IsUnicode(false);
        builder.Property(x => x.ExecutionPointerId).HasMaxLength(Lengths.Id).IsUnicode(false);
        builder.HasIndex(x => new { x.WorkflowId, x.ErrorTime });
    }
}

internal sealed class ScheduledCommandRecordConfiguration : IEntityTypeConfiguration<ScheduledCommandRecord>
{
    public void Configure(EntityTypeBuilder<ScheduledCommandRecord> builder)
    {
        builder.ToTable("wf_scheduled_commands");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.CommandName).HasMaxLength(Lengths.Short).IsUnicode(false);
        builder.Property(x => x.Data).HasMaxLength(Lengths.Short).IsUnicode(false);
        builder.HasIndex(x => new { x.CommandName, x.Data }).IsUnique();
        builder.HasIndex(x => x.ExecuteTime);
    }
}
