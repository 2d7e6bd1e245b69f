using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Staff;

namespace Nyckelfri.History;

/// <summary>
/// Turns the change tracker's pending changes into history lines. Secrets never appear in clear:
/// a personnummer is masked, a door code shows only that it was set or changed.
/// </summary>
internal static class AuditTrail
{
    private const string HiddenDoorCode = "••••";

    public static IEnumerable<AuditEntry> Collect(ChangeTracker tracker, AccessScope scope, TimeProvider clock)
    {
        var lines = new List<AuditEntry>();
        foreach (var entry in tracker.Entries().ToList())
        {
            if (entry.Entity is Entity entity && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                var changes = Changes(entry);
                if (entry.State == EntityState.Modified && changes.Count == 0) continue;
                var action = entry.State switch
                {
                    EntityState.Added => AuditActions.Created,
                    EntityState.Deleted => AuditActions.Deleted,
                    _ => AuditActions.Updated,
                };
                lines.Add(Entry(entity.MunicipalityId, entity.GetType().Name, entity.Id, action, changes, scope, clock));
            }
            else if (entry.Entity is EmployeeUnit link && entry.State is EntityState.Added or EntityState.Deleted)
            {
                var owner = tracker.Entries<Employee>().FirstOrDefault(e => e.Entity.Id == link.EmployeeId)?.Entity;
                if (owner is null || tracker.Entries<Employee>().Any(e => e.Entity.Id == owner.Id && e.State == EntityState.Added)) continue;
                var unit = link.UnitId.ToString();
                FieldChange change = entry.State == EntityState.Added ? new("Units", null, unit) : new("Units", unit, null);
                lines.Add(Entry(owner.MunicipalityId, nameof(Employee), owner.Id, AuditActions.Updated, [change], scope, clock));
            }
        }
        return lines;
    }

    /// <summary>True when a modified record changed only properties a device reports itself (<see cref="TelemetryAttribute"/>).</summary>
    public static bool OnlyTelemetryChanged(EntityEntry entry) =>
        entry.Properties.Where(p => p.IsModified).All(p => IsTelemetry(p.Metadata));

    private static bool IsTelemetry(Microsoft.EntityFrameworkCore.Metadata.IPropertyBase property) =>
        property.PropertyInfo?.GetCustomAttribute<TelemetryAttribute>() is not null;

    public static AuditEntry Entry(Guid municipalityId, string type, Guid id, string action,
        IReadOnlyList<FieldChange> changes, AccessScope scope, TimeProvider clock, string? reason = null) => new()
    {
        MunicipalityId = municipalityId,
        EntityType = type,
        EntityId = id,
        Action = action,
        At = clock.GetUtcNow().UtcDateTime,
        UserId = scope.UserId,
        UserName = scope.UserName,
        Changes = JsonSerializer.Serialize(changes),
        Reason = reason,
    };

    public static IReadOnlyList<FieldChange> Parse(string json) =>
        JsonSerializer.Deserialize<List<FieldChange>>(json) ?? [];

    private static List<FieldChange> Changes(EntityEntry entry)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            // Bookkeeping and derived columns (the lower-cased search name) are not history.
            if (name is nameof(Entity.Version) or nameof(Entity.Id) or nameof(Entity.MunicipalityId) or "SearchName") continue;
            if (IsTelemetry(property.Metadata)) continue;
            var secret = property.Metadata.PropertyInfo?.GetCustomAttribute<SecretAttribute>()?.Kind;
            var before = entry.State == EntityState.Added ? null : Show(property.OriginalValue, secret);
            var after = entry.State == EntityState.Deleted ? null : Show(property.CurrentValue, secret);
            var changed = entry.State != EntityState.Modified || !Equals(property.OriginalValue, property.CurrentValue);
            if (changed && (before is not null || after is not null))
                changes.Add(new FieldChange(name, before, after));
        }
        return changes;
    }

    private static string? Show(object? value, SecretKind? secret) => (value, secret) switch
    {
        (null, _) => null,
        (string s, SecretKind.PersonalIdentityNumber) => PersonalIdentityNumber.Mask(s),
        (_, SecretKind.DoorCode) => HiddenDoorCode,
        (_, SecretKind.KeyMaterial) => HiddenDoorCode,
        (byte[] bytes, _) => Convert.ToHexString(bytes),
        (DateOnly d, _) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        (DateTime t, _) => t.ToString("O", CultureInfo.InvariantCulture),
        (bool b, _) => b ? "true" : "false",
        (IFormattable f, _) => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
