using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nyckelfri.Clients;
using Nyckelfri.History;
using Nyckelfri.Households;
using Nyckelfri.Identity;
using Nyckelfri.Notifications;
using Nyckelfri.Properties;
using Nyckelfri.Providers;
using Nyckelfri.Services;
using Nyckelfri.Staff;
using Nyckelfri.Tenancy;

namespace Nyckelfri.Data;

// Mapping that conventions do not give: keys, indexes, and fields that EF must not map.
// Strings are left unbounded (text); lengths are enforced by validation, so both providers agree.

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.HasIndex(m => m.Code).IsUnique();
        b.Ignore(m => m.TwoFactorRoleSet);
        b.Property(m => m.BatteryThreshold).HasDefaultValue(Municipality.DefaultBatteryThreshold);
        b.Property(m => m.RoutinePreset).HasDefaultValue(Routines.RoutinePreset.Salem);
    }
}

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.HasIndex(p => new { p.MunicipalityId, p.Name });
        b.HasMany(p => p.Units).WithOne(u => u.Provider).HasForeignKey(u => u.ProviderId);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b) => b.HasIndex(u => u.MunicipalityId);
}

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> b)
    {
        b.HasIndex(e => new { e.MunicipalityId, e.LastName, e.FirstName });
        b.HasIndex(e => e.ProviderId);
        b.HasOne(e => e.Provider).WithMany().HasForeignKey(e => e.ProviderId);
        b.HasMany(e => e.Units).WithOne().HasForeignKey(u => u.EmployeeId);
        b.Property(e => e.PersonnelId).HasMaxLength(Employee.MaxPersonnelIdLength);
        // The identity provider's claim finds one employee; NULLs (no id) differ on both databases.
        b.HasIndex(e => new { e.MunicipalityId, e.PersonnelId }).IsUnique();
        b.Ignore(e => e.FullName);
    }
}

internal sealed class IdentityProviderConfiguration : IEntityTypeConfiguration<IdentityProvider>
{
    public void Configure(EntityTypeBuilder<IdentityProvider> b)
    {
        b.HasIndex(p => p.MunicipalityId).IsUnique();
        b.Property(p => p.DisplayName).HasMaxLength(100);
        b.Property(p => p.Authority).HasMaxLength(500);
        b.Property(p => p.ClientId).HasMaxLength(200);
        b.Property(p => p.Scopes).HasMaxLength(500);
        b.Property(p => p.IdentifierClaim).HasMaxLength(100);
        b.Property(p => p.PasswordFallbackUserId).HasMaxLength(450);
    }
}

internal sealed class EmployeeUnitConfiguration : IEntityTypeConfiguration<EmployeeUnit>
{
    public void Configure(EntityTypeBuilder<EmployeeUnit> b)
    {
        b.HasKey(e => new { e.EmployeeId, e.UnitId });
        b.HasIndex(e => e.UnitId);
        b.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId);
    }
}

internal sealed class PropertyOwnerConfiguration : IEntityTypeConfiguration<PropertyOwner>
{
    public void Configure(EntityTypeBuilder<PropertyOwner> b) => b.HasIndex(o => new { o.MunicipalityId, o.Name });
}

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> b)
    {
        b.HasIndex(a => new { a.MunicipalityId, a.Street, a.PostalCode });
        b.HasIndex(a => a.PropertyOwnerId);
        b.HasOne(a => a.PropertyOwner).WithMany().HasForeignKey(a => a.PropertyOwnerId);
        b.HasMany(a => a.Entrances).WithOne(e => e.Address).HasForeignKey(e => e.AddressId);
        b.Ignore(a => a.OneLine);
    }
}

internal sealed class EntranceConfiguration : IEntityTypeConfiguration<Entrance>
{
    public void Configure(EntityTypeBuilder<Entrance> b) => b.HasIndex(e => e.AddressId);
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.HasIndex(h => h.AddressId);
        b.HasIndex(h => h.EntranceId);
        b.HasOne(h => h.Address).WithMany().HasForeignKey(h => h.AddressId);
        b.HasOne(h => h.Entrance).WithMany().HasForeignKey(h => h.EntranceId);
        b.HasMany(h => h.Clients).WithOne(c => c.Household).HasForeignKey(c => c.HouseholdId);
    }
}

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> b)
    {
        b.HasIndex(c => new { c.MunicipalityId, c.PersonalIdentityNumber }).IsUnique();
        b.HasIndex(c => new { c.MunicipalityId, c.LastName, c.FirstName });
        b.HasIndex(c => c.HouseholdId);
        b.HasMany(c => c.Services).WithOne(s => s.Client).HasForeignKey(s => s.ClientId);
        b.Ignore(c => c.FullName);
        b.Ignore(c => c.MaskedPersonalIdentityNumber);
    }
}

internal sealed class CareServiceConfiguration : IEntityTypeConfiguration<CareService>
{
    public void Configure(EntityTypeBuilder<CareService> b)
    {
        b.HasIndex(s => s.ClientId);
        b.HasIndex(s => s.UnitId);
        b.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedOnAdd();
        b.HasIndex(a => new { a.EntityId, a.Id });
        b.HasIndex(a => new { a.MunicipalityId, a.At });
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.HasIndex(k => k.Prefix).IsUnique();
        b.Ignore(k => k.IsActive);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.HasIndex(u => u.MunicipalityId);
        // One login per employee (issue 12, staff onboarding); logins of no employee are many (NULLs differ).
        b.HasIndex(u => u.EmployeeId).IsUnique();
        // User names are unique per municipality, not across them: an administrator creating a login
        // learns nothing about other municipalities' logins (docs/security.md). Identity's own index
        // stays for lookups by name, no longer unique.
        b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique(false);
        b.HasIndex(u => new { u.MunicipalityId, u.NormalizedUserName }).IsUnique();
        b.Property(u => u.MustChangePassword).HasDefaultValue(false);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasKey(n => n.Id);
        b.HasIndex(n => new { n.Status, n.NextAttemptAt });
        b.HasIndex(n => n.MunicipalityId);
    }
}
