using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nyckelfri.Identity;

namespace Nyckelfri.Data;

/// <summary>The security log (issue 13): read by municipality and period, newest first.</summary>
internal sealed class SecurityEventRecordConfiguration : IEntityTypeConfiguration<SecurityEventRecord>
{
    public void Configure(EntityTypeBuilder<SecurityEventRecord> b)
    {
        b.ToTable("SecurityEvents");
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.Property(e => e.Kind).HasMaxLength(40);
        b.Property(e => e.UserId).HasMaxLength(SecurityEventRecord.UserIdLength);
        b.Property(e => e.UserName).HasMaxLength(SecurityEventRecord.TextLength);
        b.Property(e => e.Subject).HasMaxLength(SecurityEventRecord.TextLength);
        b.Property(e => e.Detail).HasMaxLength(SecurityEventRecord.TextLength);
        b.Property(e => e.RemoteAddress).HasMaxLength(SecurityEventRecord.AddressLength);
        b.HasIndex(e => new { e.MunicipalityId, e.OccurredAt });
    }
}
