using Cmdb.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmdb.Domain.Persistence.Configurations;

internal sealed class ReleasePlanConfiguration : IEntityTypeConfiguration<ReleasePlan>
{
    public void Configure(EntityTypeBuilder<ReleasePlan> builder)
    {
        builder.ToTable("release_plans");
        builder.HasKey(x => x.TicketId);
        builder.Property(x => x.TicketId).ValueGeneratedNever();
        builder.Property(x => x.TempBranch).HasMaxLength(Lengths.Short);
        builder.Property(x => x.BaseCommit).HasMaxLength(64);
        builder.Property(x => x.ValidatedBlob).HasMaxLength(64);
        builder.Property(x => x.Revision).IsConcurrencyToken();
    }
}

internal sealed class ReleaseStageConfiguration : IEntityTypeConfiguration<ReleaseStage>
{
    public void Configure(EntityTypeBuilder<ReleaseStage> builder)
    {
        builder.ToTable("release_stages");
        builder.HasKey(x => new { x.TicketId, x.Order });
        builder.Property(x => x.Name).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Kind).HasMaxLength(16);
        builder.Property(x => x.TargetsJson).HasMaxLength(Lengths.Text);
        builder.Property(x => x.StoresJson).HasColumnType("text");
        builder.Property(x => x.StartedBy).HasMaxLength(Lengths.Short);
    }
}

internal sealed class ReleaseMergeConfiguration : IEntityTypeConfiguration<ReleaseMerge>
{
    public void Configure(EntityTypeBuilder<ReleaseMerge> builder)
    {
        builder.ToTable("release_merges");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.TicketId, x.StageOrder });
        builder.Property(x => x.Action).HasMaxLength(16);
        builder.Property(x => x.Source).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Target).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Commit).HasMaxLength(64);
        builder.Property(x => x.Reverts).HasMaxLength(64);
        builder.Property(x => x.Result).HasMaxLength(16);
        builder.Property(x => x.ConflictPaths).HasMaxLength(Lengths.Text);
        builder.Property(x => x.Error).HasMaxLength(Lengths.Text);
        builder.Property(x => x.Message).HasMaxLength(Lengths.Text);
        builder.Property(x => x.By).HasMaxLength(Lengths.Short);
    }
}
