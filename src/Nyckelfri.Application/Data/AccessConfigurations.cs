using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nyckelfri.Access;
using Nyckelfri.Staff;

namespace Nyckelfri.Data;

// Digital keys, permissions, the access log and visits (issue 5). The unique index on a lock's
// (LockId, LockSequence) is what makes an event upload idempotent, even for two uploads at once.

internal sealed class DigitalKeyConfiguration : IEntityTypeConfiguration<DigitalKey>
{
    public void Configure(EntityTypeBuilder<DigitalKey> b)
    {
        b.HasIndex(k => new { k.MunicipalityId, k.KeyNumber }).IsUnique();
        b.HasIndex(k => k.EmployeeId);
        b.HasIndex(k => new { k.MunicipalityId, k.Status });
        b.Property(k => k.KeyNumber).HasMaxLength(DigitalKey.MaxKeyNumberLength);
        b.HasOne<Employee>().WithMany().HasForeignKey(k => k.EmployeeId);
        b.Ignore(k => k.CanOpen);
    }
}

internal sealed class TwoFactorDeviceConfiguration : IEntityTypeConfiguration<TwoFactorDevice>
{
    public void Configure(EntityTypeBuilder<TwoFactorDevice> b)
    {
        b.HasIndex(d => new { d.MunicipalityId, d.SerialNumber }).IsUnique();
        b.HasIndex(d => d.EmployeeId);
        b.HasIndex(d => d.UnitId);
        b.Property(d => d.SerialNumber).HasMaxLength(TwoFactorDevice.MaxSerialLength);
        b.HasOne<Employee>().WithMany().HasForeignKey(d => d.EmployeeId);
        b.HasOne<Nyckelfri.Providers.Unit>().WithMany().HasForeignKey(d => d.UnitId);
    }
}

internal sealed class DigitalKeyReceiptConfiguration : IEntityTypeConfiguration<DigitalKeyReceipt>
{
    public void Configure(EntityTypeBuilder<DigitalKeyReceipt> b)
    {
        b.HasIndex(r => r.EmployeeId);
        b.HasIndex(r => r.DigitalKeyId);
        b.HasIndex(r => r.TwoFactorDeviceId);
        b.HasOne<Employee>().WithMany().HasForeignKey(r => r.EmployeeId);
        b.HasOne<DigitalKey>().WithMany().HasForeignKey(r => r.DigitalKeyId);
        b.HasOne<TwoFactorDevice>().WithMany().HasForeignKey(r => r.TwoFactorDeviceId);
        b.Ignore(r => r.Reference);
    }
}

internal sealed class AccessGrantConfiguration : IEntityTypeConfiguration<AccessGrant>
{
    public void Configure(EntityTypeBuilder<AccessGrant> b)
    {
        b.HasIndex(g => new { g.EmployeeId, g.ToDate });
        b.HasIndex(g => g.UnitId);
        b.HasOne<Employee>().WithMany().HasForeignKey(g => g.EmployeeId);
        b.HasOne<Nyckelfri.Providers.Unit>().WithMany().HasForeignKey(g => g.UnitId);
    }
}

internal sealed class AccessEventConfiguration : IEntityTypeConfiguration<AccessEvent>
{
    public void Configure(EntityTypeBuilder<AccessEvent> b)
    {
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.HasIndex(e => new { e.LockId, e.LockSequence }, "IX_AccessEvents_LockSequence").IsUnique()
            .HasFilter("\"LockSequence\" IS NOT NULL");
        b.HasIndex(e => new { e.MunicipalityId, e.OccurredAt });
        b.HasIndex(e => new { e.ClientId, e.OccurredAt });
        b.HasIndex(e => new { e.EmployeeId, e.OccurredAt });
        b.HasIndex(e => e.CredentialId);
    }
}

internal sealed class LockSyncConfiguration : IEntityTypeConfiguration<LockSync>
{
    public void Configure(EntityTypeBuilder<LockSync> b)
    {
        b.HasKey(s => s.LockId);
        b.Property(s => s.LockId).ValueGeneratedNever();
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => s.MunicipalityId);
    }
}

internal sealed class RevocationListRecordConfiguration : IEntityTypeConfiguration<RevocationListRecord>
{
    public void Configure(EntityTypeBuilder<RevocationListRecord> b)
    {
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.HasIndex(r => new { r.MunicipalityId, r.ListVersion }).IsUnique();
    }
}

internal sealed class RevokedCredentialConfiguration : IEntityTypeConfiguration<RevokedCredential>
{
    public void Configure(EntityTypeBuilder<RevokedCredential> b)
    {
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.Property(r => r.ReasonCode).HasMaxLength(40);
        b.Property(r => r.Reason).HasMaxLength(300);
        b.HasIndex(r => r.CredentialId).IsUnique();
        b.HasIndex(r => new { r.MunicipalityId, r.ValidUntil });
        b.HasIndex(r => new { r.LockId, r.ValidUntil });
    }
}

internal sealed class IssuerKeyConfiguration : IEntityTypeConfiguration<IssuerKey>
{
    public void Configure(EntityTypeBuilder<IssuerKey> b)
    {
        b.Property(k => k.Id).ValueGeneratedOnAdd();
        // Several keys per municipality over time (rotation); a key id names one key everywhere.
        b.HasIndex(k => k.MunicipalityId);
        b.HasIndex(k => k.KeyId).IsUnique();
    }
}

internal sealed class IssuerKeySetRecordConfiguration : IEntityTypeConfiguration<IssuerKeySetRecord>
{
    public void Configure(EntityTypeBuilder<IssuerKeySetRecord> b)
    {
        b.ToTable("IssuerKeySets");
        b.Property(s => s.Id).ValueGeneratedOnAdd();
        // Two publishes at once would take the same version: the second save is refused and retried.
        b.HasIndex(s => new { s.MunicipalityId, s.SetVersion }).IsUnique();
    }
}

internal sealed class BreakGlassConfiguration : IEntityTypeConfiguration<BreakGlass>
{
    public void Configure(EntityTypeBuilder<BreakGlass> b)
    {
        b.ToTable("BreakGlasses");
        b.HasIndex(g => new { g.MunicipalityId, g.ReviewedAt });
        b.HasIndex(g => g.EmployeeId);
        b.HasOne<Employee>().WithMany().HasForeignKey(g => g.EmployeeId);
    }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasIndex(v => new { v.ClientId, v.StartedAt });
        b.HasIndex(v => new { v.EmployeeId, v.StartedAt });
        b.HasIndex(v => new { v.UnitId, v.StartedAt });
        b.HasIndex(v => v.StartEventId).IsUnique();
        // Ending a visit updates only a row that is still open: two uploads cannot both end it
        // (the loser reloads and pairs again). A model-only setting: the schema is unchanged.
        b.Property(v => v.EndEventId).IsConcurrencyToken();
        b.Ignore(v => v.Duration);
    }
}

internal sealed class NfcTagConfiguration : IEntityTypeConfiguration<NfcTag>
{
    public void Configure(EntityTypeBuilder<NfcTag> b)
    {
        b.HasIndex(t => new { t.MunicipalityId, t.TagId }).IsUnique();
        b.HasIndex(t => t.ClientId);
        b.Property(t => t.TagId).HasMaxLength(NfcTag.MaxTagLength);
        b.HasOne<Nyckelfri.Clients.Client>().WithMany().HasForeignKey(t => t.ClientId);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.Property(d => d.Id).ValueGeneratedOnAdd();
        b.HasIndex(d => new { d.DeliveredAt, d.NextAttemptAt });
        b.HasIndex(d => d.VisitId).IsUnique();
    }
}
