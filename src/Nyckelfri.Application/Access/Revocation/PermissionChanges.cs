using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nyckelfri.Clients;
using Nyckelfri.Devices;
using Nyckelfri.Identity;
using Nyckelfri.Services;
using Nyckelfri.Staff;

namespace Nyckelfri.Access.Revocation;

/// <summary>
/// What a save is about to change that can take a permission away, read from the change tracker
/// before the save (a deleted row is gone after it): the employees whose own facts change (employment,
/// leave, units, grants, the login linked to them, the key they hold) and the locks whose services
/// change (a client's service ended, moved to another unit or provider, deleted; a client moved out; a
/// lock unmounted). Additions never take a permission away, except a unit restriction.
/// </summary>
public sealed class PermissionChanges
{
    public HashSet<Guid> Employees { get; } = [];
    public HashSet<Guid> Locks { get; } = [];
    public HashSet<Guid> Clients { get; } = [];
    public HashSet<Guid> Households { get; } = [];

    public bool IsEmpty => Employees.Count == 0 && Locks.Count == 0 && Clients.Count == 0 && Households.Count == 0;

    public static PermissionChanges Collect(ChangeTracker tracker)
    {
        var changes = new PermissionChanges();
        foreach (var e in tracker.Entries<Employee>().Where(e => e.State is EntityState.Modified or EntityState.Deleted))
            changes.Employees.Add(e.Entity.Id);
        foreach (var link in tracker.Entries<EmployeeUnit>().Where(e => e.State == EntityState.Deleted))
            changes.Employees.Add(link.Entity.EmployeeId);
        foreach (var grant in tracker.Entries<AccessGrant>().Where(e =>
                     e.State is EntityState.Modified or EntityState.Deleted
                     || (e.State == EntityState.Added && e.Entity.Kind == AccessGrantKind.RestrictUnit)))
            changes.Employees.Add(grant.Entity.EmployeeId);
        foreach (var user in tracker.Entries<AppUser>().Where(e => e.State is EntityState.Modified or EntityState.Deleted))
            if (user.Property(u => u.EmployeeId).OriginalValue is { } employeeId
                && (user.State == EntityState.Deleted || user.Entity.EmployeeId != employeeId))
                changes.Employees.Add(employeeId);
        foreach (var key in tracker.Entries<DigitalKey>().Where(e => e.State == EntityState.Modified))
            if (key.Property(k => k.EmployeeId).OriginalValue is { } holder)
                changes.Employees.Add(holder);
        foreach (var service in tracker.Entries<CareService>().Where(e => e.State is EntityState.Modified or EntityState.Deleted))
            changes.Clients.Add(service.Entity.ClientId);
        foreach (var client in tracker.Entries<Client>().Where(e => e.State is EntityState.Modified or EntityState.Deleted))
            if (client.Property(c => c.HouseholdId).OriginalValue is Guid household && household != client.Entity.HouseholdId)
                changes.Households.Add(household);
        foreach (var device in tracker.Entries<Device>().Where(e => e.State == EntityState.Modified
                     && (e.Entity.Kind == DeviceKind.LockUnit || e.Entity.Kind == DeviceKind.EntranceUnit)))
            if (device.Property(d => d.Status).IsModified || device.Property(d => d.HouseholdId).IsModified || device.Property(d => d.EntranceId).IsModified)
                changes.Locks.Add(device.Entity.Id);
        return changes;
    }
}
