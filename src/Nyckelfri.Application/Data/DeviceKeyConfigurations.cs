using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nyckelfri.Access;

namespace Nyckelfri.Data;

// Device-key enrolment (issue 12): the challenges a proof of possession answers, and the device keys
// a digital key no longer carries (their hashes stay on every revocation list).

internal sealed class DeviceKeyChallengeConfiguration : IEntityTypeConfiguration<DeviceKeyChallenge>
{
    public void Configure(EntityTypeBuilder<DeviceKeyChallenge> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.UserId).HasMaxLength(450);
        b.HasIndex(c => c.ExpiresAt);
    }
}

internal sealed class ReplacedDeviceKeyConfiguration : IEntityTypeConfiguration<ReplacedDeviceKey>
{
    public void Configure(EntityTypeBuilder<ReplacedDeviceKey> b)
    {
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.HasIndex(r => r.MunicipalityId);
        b.HasIndex(r => r.DigitalKeyId);
        b.HasOne<DigitalKey>().WithMany().HasForeignKey(r => r.DigitalKeyId);
    }
}
