using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nyckelfri.Routines;

namespace Nyckelfri.Data;

// Work orders and the routine configuration (issue 4). The filtered unique index is the database's
// half of "never two open installs for one household".

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    internal const string OpenInstallFilter = "\"Kind\" IN ('InstallAssessed', 'InstallAlarmOnly') AND \"State\" IN ('Proposed', 'Open')";

    public void Configure(EntityTypeBuilder<WorkOrder> b)
    {
        b.HasIndex(w => new { w.MunicipalityId, w.Number }).IsUnique();
        b.HasIndex(w => new { w.MunicipalityId, w.State, w.OwnerRole });
        b.HasIndex(w => w.OwnerUnitId);
        b.HasIndex(w => w.ClientId);
        b.HasIndex(w => w.HouseholdId, "IX_WorkOrders_HouseholdId");
        b.HasIndex(w => w.HouseholdId, "IX_WorkOrders_OneOpenInstall").IsUnique().HasFilter(OpenInstallFilter);
        b.HasIndex(w => w.EntranceId);
        b.HasIndex(w => w.DeviceId);
        b.HasIndex(w => w.UnitId);
        b.HasMany(w => w.Answers).WithOne().HasForeignKey(a => a.WorkOrderId);
        b.HasMany(w => w.Comments).WithOne().HasForeignKey(c => c.WorkOrderId);
        b.Ignore(w => w.Reference);
        b.Ignore(w => w.Definition);
        b.Ignore(w => w.CurrentStep);
        b.Ignore(w => w.IsClosed);
    }
}

internal sealed class CheckpointAnswerConfiguration : IEntityTypeConfiguration<CheckpointAnswer>
{
    public void Configure(EntityTypeBuilder<CheckpointAnswer> b)
    {
        b.HasKey(a => a.Id);
        // The id is made by the domain (a version 7 Guid), so an answer added to a loaded work order's
        // collection is new: EF must insert it, not take the set key for a row that exists.
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasIndex(a => new { a.WorkOrderId, a.Sequence }).IsUnique();
    }
}

internal sealed class WorkOrderCommentConfiguration : IEntityTypeConfiguration<WorkOrderComment>
{
    public void Configure(EntityTypeBuilder<WorkOrderComment> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.HasIndex(c => c.WorkOrderId);
    }
}

internal sealed class RoutineStepOwnerConfiguration : IEntityTypeConfiguration<RoutineStepOwner>
{
    public void Configure(EntityTypeBuilder<RoutineStepOwner> b) =>
        b.HasIndex(o => new { o.MunicipalityId, o.StepCode, o.Route }).IsUnique();
}
