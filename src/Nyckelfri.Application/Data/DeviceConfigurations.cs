using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nyckelfri.Clients;
using Nyckelfri.Devices;
using Nyckelfri.Keys;
using Nyckelfri.Providers;

namespace Nyckelfri.Data;

// Devices, stock and physical keys (issue 3). The two filtered unique indexes are the database's
// half of the linking rules: one mounted lock unit per household, one mounted entrance unit per
// entrance. Their filter text is plain SQL that SQLite and PostgreSQL both read the same way.

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    /// <summary>"Mounted" as the domain means it: installed, or faulty and not yet taken down (still linked).</summary>
    internal const string MountedFilter = "\"Status\" IN ('Installed', 'Faulty')";

    public void Configure(EntityTypeBuilder<Device> b)
    {
        b.HasIndex(d => new { d.MunicipalityId, d.SerialNumber }).IsUnique();
        b.HasIndex(d => new { d.MunicipalityId, d.KeyNumber }).IsUnique();
        b.HasIndex(d => new { d.MunicipalityId, d.Status });
        b.HasIndex(d => d.DeviceModelId);
        b.HasIndex(d => d.StockLocationId);
        b.HasIndex(d => d.HouseholdId, "IX_Devices_HouseholdId");
        b.HasIndex(d => d.HouseholdId, "IX_Devices_MountedLockUnit").IsUnique()
            .HasFilter("\"Kind\" = 'LockUnit' AND " + MountedFilter);
        b.HasIndex(d => d.EntranceId, "IX_Devices_EntranceId");
        b.HasIndex(d => d.EntranceId, "IX_Devices_MountedEntranceUnit").IsUnique().HasFilter(MountedFilter);
        b.HasOne(d => d.Model).WithMany().HasForeignKey(d => d.DeviceModelId);
        b.HasOne(d => d.StockLocation).WithMany().HasForeignKey(d => d.StockLocationId);
        b.HasOne(d => d.Household).WithMany().HasForeignKey(d => d.HouseholdId);
        b.HasOne(d => d.Entrance).WithMany().HasForeignKey(d => d.EntranceId);
        b.Ignore(d => d.IsMounted);
    }
}

internal sealed class DeviceModelConfiguration : IEntityTypeConfiguration<DeviceModel>
{
    public void Configure(EntityTypeBuilder<DeviceModel> b) => b.HasIndex(m => new { m.MunicipalityId, m.Name }).IsUnique();
}

internal sealed class StockLocationConfiguration : IEntityTypeConfiguration<StockLocation>
{
    public void Configure(EntityTypeBuilder<StockLocation> b) => b.HasIndex(l => new { l.MunicipalityId, l.Name }).IsUnique();
}

internal sealed class ReorderLevelConfiguration : IEntityTypeConfiguration<ReorderLevel>
{
    public void Configure(EntityTypeBuilder<ReorderLevel> b)
    {
        b.HasIndex(r => new { r.StockLocationId, r.DeviceModelId }).IsUnique();
        b.HasIndex(r => r.DeviceModelId);
        b.HasOne<StockLocation>().WithMany().HasForeignKey(r => r.StockLocationId);
        b.HasOne<DeviceModel>().WithMany().HasForeignKey(r => r.DeviceModelId);
    }
}

internal sealed class PurchaseOrderConfiguration : IEntityTypeConfiguration<PurchaseOrder>
{
    public void Configure(EntityTypeBuilder<PurchaseOrder> b)
    {
        b.HasIndex(o => new { o.MunicipalityId, o.Number }).IsUnique();
        b.HasIndex(o => o.DeliverToId);
        b.HasOne(o => o.DeliverTo).WithMany().HasForeignKey(o => o.DeliverToId);
        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.PurchaseOrderId);
        b.Ignore(o => o.Reference);
    }
}

internal sealed class PurchaseOrderLineConfiguration : IEntityTypeConfiguration<PurchaseOrderLine>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderLine> b)
    {
        b.HasIndex(l => l.PurchaseOrderId);
        b.HasIndex(l => l.DeviceModelId);
        b.HasOne(l => l.Model).WithMany().HasForeignKey(l => l.DeviceModelId);
        b.Ignore(l => l.Remaining);
    }
}

internal sealed class BatteryReadingConfiguration : IEntityTypeConfiguration<BatteryReading>
{
    public void Configure(EntityTypeBuilder<BatteryReading> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.HasIndex(r => new { r.DeviceId, r.At });
        b.HasOne<Device>().WithMany().HasForeignKey(r => r.DeviceId);
    }
}

internal sealed class PendingTaskConfiguration : IEntityTypeConfiguration<PendingTask>
{
    public void Configure(EntityTypeBuilder<PendingTask> b)
    {
        // At most one open task of a kind per device, even when two reports race.
        b.HasIndex(t => new { t.DeviceId, t.Kind }, "IX_PendingTasks_OpenPerDevice").IsUnique().HasFilter("\"Status\" = 'Open'");
        b.HasIndex(t => new { t.MunicipalityId, t.Status });
        b.HasIndex(t => t.UnitId);
        b.HasOne(t => t.Device).WithMany().HasForeignKey(t => t.DeviceId);
        b.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId);
    }
}

internal sealed class OriginalLockPartConfiguration : IEntityTypeConfiguration<OriginalLockPart>
{
    public void Configure(EntityTypeBuilder<OriginalLockPart> b)
    {
        b.HasIndex(p => p.ClientId);
        b.HasIndex(p => p.StockLocationId);
        b.HasOne(p => p.Client).WithMany().HasForeignKey(p => p.ClientId);
        b.HasOne(p => p.StockLocation).WithMany().HasForeignKey(p => p.StockLocationId);
        b.Ignore(p => p.IsInStore);
    }
}

internal sealed class KeySetConfiguration : IEntityTypeConfiguration<KeySet>
{
    public void Configure(EntityTypeBuilder<KeySet> b)
    {
        b.HasIndex(k => k.ClientId);
        b.HasIndex(k => k.HolderUnitId);
        b.HasOne(k => k.Client).WithMany().HasForeignKey(k => k.ClientId);
        b.HasOne(k => k.HolderUnit).WithMany().HasForeignKey(k => k.HolderUnitId);
    }
}

internal sealed class KeyReceiptConfiguration : IEntityTypeConfiguration<KeyReceipt>
{
    public void Configure(EntityTypeBuilder<KeyReceipt> b)
    {
        b.HasIndex(r => r.KeySetId);
        b.HasIndex(r => r.ClientId);
        b.HasOne<KeySet>().WithMany().HasForeignKey(r => r.KeySetId);
        b.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId);
        b.Ignore(r => r.Reference);
    }
}

internal sealed class PhysicalKeyUseConfiguration : IEntityTypeConfiguration<PhysicalKeyUse>
{
    public void Configure(EntityTypeBuilder<PhysicalKeyUse> b)
    {
        b.HasIndex(u => new { u.ClientId, u.UsedAt });
        b.HasIndex(u => u.KeySetId);
        b.HasOne<Client>().WithMany().HasForeignKey(u => u.ClientId);
        b.HasOne<KeySet>().WithMany().HasForeignKey(u => u.KeySetId);
    }
}
