using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Nyckelfri.Access;
using Nyckelfri.Access.Revocation;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Devices;
using Nyckelfri.History;
using Nyckelfri.Households;
using Nyckelfri.Identity;
using Nyckelfri.Keys;
using Nyckelfri.Notifications;
using Nyckelfri.Properties;
using Nyckelfri.Providers;
using Nyckelfri.Routines;
using Nyckelfri.Services;
using Nyckelfri.Staff;
using Nyckelfri.Tenancy;

namespace Nyckelfri.Data;

/// <summary>
/// The one database of Nyckelfri. Handlers use it directly (STYLE.md §2). Its query filters scope
/// every query to the caller's <see cref="AccessScope"/>; <see cref="SaveChangesAsync(bool, CancellationToken)"/>
/// raises versions (optimistic concurrency) and writes the history of every change.
/// </summary>
public sealed partial class NyckelfriDbContext : IdentityDbContext<AppUser>
{
    private readonly IAccessScopeSource _scopeSource;
    private readonly TimeProvider _clock;

    public NyckelfriDbContext(DbContextOptions<NyckelfriDbContext> options, IAccessScopeSource scope, TimeProvider clock)
        : base(options)
    {
        _scopeSource = scope;
        _clock = clock;
    }

    /// <summary>The caller's scope now (read afresh, see <see cref="IAccessScopeSource"/>).</summary>
    public AccessScope Scope => _scopeSource.Current;
    public TimeProvider Clock => _clock;

    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<PropertyOwner> PropertyOwners => Set<PropertyOwner>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<Entrance> Entrances => Set<Entrance>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<CareService> CareServices => Set<CareService>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<DeviceModel> DeviceModels => Set<DeviceModel>();
    public DbSet<StockLocation> StockLocations => Set<StockLocation>();
    public DbSet<ReorderLevel> ReorderLevels => Set<ReorderLevel>();
    public DbSet<PurchaseOrder> PurchaseOrders => Set<PurchaseOrder>();
    public DbSet<PurchaseOrderLine> PurchaseOrderLines => Set<PurchaseOrderLine>();
    public DbSet<BatteryReading> BatteryReadings => Set<BatteryReading>();
    public DbSet<PendingTask> PendingTasks => Set<PendingTask>();
    public DbSet<OriginalLockPart> OriginalLockParts => Set<OriginalLockPart>();
    public DbSet<KeySet> KeySets => Set<KeySet>();
    public DbSet<KeyReceipt> KeyReceipts => Set<KeyReceipt>();
    public DbSet<PhysicalKeyUse> PhysicalKeyUses => Set<PhysicalKeyUse>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();
    public DbSet<CheckpointAnswer> CheckpointAnswers => Set<CheckpointAnswer>();
    public DbSet<WorkOrderComment> WorkOrderComments => Set<WorkOrderComment>();
    public DbSet<RoutineStepOwner> RoutineStepOwners => Set<RoutineStepOwner>();
    public DbSet<DigitalKey> DigitalKeys => Set<DigitalKey>();
    public DbSet<TwoFactorDevice> TwoFactorDevices => Set<TwoFactorDevice>();
    public DbSet<DigitalKeyReceipt> DigitalKeyReceipts => Set<DigitalKeyReceipt>();
    public DbSet<DeviceKeyChallenge> DeviceKeyChallenges => Set<DeviceKeyChallenge>();
    public DbSet<ReplacedDeviceKey> ReplacedDeviceKeys => Set<ReplacedDeviceKey>();
    public DbSet<AccessGrant> AccessGrants => Set<AccessGrant>();
    public DbSet<AccessEvent> AccessEvents => Set<AccessEvent>();
    public DbSet<LockSync> LockSyncs => Set<LockSync>();
    public DbSet<RevocationListRecord> RevocationLists => Set<RevocationListRecord>();
    public DbSet<RevokedCredential> RevokedCredentials => Set<RevokedCredential>();
    public DbSet<IssuerKey> IssuerKeys => Set<IssuerKey>();
    public DbSet<IssuerKeySetRecord> IssuerKeySets => Set<IssuerKeySetRecord>();
    public DbSet<BreakGlass> BreakGlasses => Set<BreakGlass>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<NfcTag> NfcTags => Set<NfcTag>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdentityProvider> IdentityProviders => Set<IdentityProvider>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SecurityEventRecord> SecurityEvents => Set<SecurityEventRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe to reorder in code.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
        // Instants are UTC; SQLite forgets the kind, so it is put back on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NyckelfriDbContext).Assembly);

        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();

        foreach (var fk in builder.Model.GetEntityTypes().SelectMany(t => t.GetForeignKeys())
                     .Where(fk => fk.DeleteBehavior == DeleteBehavior.Cascade && !fk.DeclaringEntityType.ClrType.Namespace!.StartsWith("Microsoft", StringComparison.Ordinal)
                                  && fk.DeclaringEntityType.ClrType != typeof(EmployeeUnit)))
            fk.DeleteBehavior = DeleteBehavior.Restrict;

        AddQueryFilters(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareSave();
        try { return base.SaveChanges(acceptAllChangesOnSuccess); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(); }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e)) { throw DatabaseErrors.Duplicate(); }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareSave();
        var follower = _followingPermission ? null : PermissionFollower();
        var changes = follower is null ? null : PermissionChanges.Collect(ChangeTracker);
        if (changes is null || changes.IsEmpty) return await SaveOnce(acceptAllChangesOnSuccess, cancellationToken);

        // Revocation follows permission: the change and the credentials it takes back (and the list
        // naming them) are one transaction; the second save sees the first one's rows.
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await SaveOnce(acceptAllChangesOnSuccess, cancellationToken);
        _followingPermission = true;
        try
        {
            if (await follower!.FollowAsync(changes, cancellationToken) > 0)
            {
                PrepareSave();
                saved += await SaveOnce(acceptAllChangesOnSuccess, cancellationToken);
            }
        }
        finally { _followingPermission = false; }
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    private bool _followingPermission;

    /// <summary>
    /// The follower, when the context was made by the application's container (it needs the issuer's
    /// key). A context made by hand (tests' seeding, the schema tools) saves without following.
    /// </summary>
    private RevocationFollowsPermission? PermissionFollower()
    {
        var services = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        if (services?.GetService(typeof(IssuerCache)) is not IssuerCache cache
            || services.GetService(typeof(IDataProtectionProvider)) is not IDataProtectionProvider protection) return null;
        return new RevocationFollowsPermission(this, new IssuerKeys(this, protection, cache));
    }

    private async Task<int> SaveOnce(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        try { return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(); }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e)) { throw DatabaseErrors.Duplicate(); }
    }

    /// <summary>
    /// Sets the version the caller's edit was based on: saving fails with a conflict if the row
    /// has moved on since. Call after loading, before changing.
    /// </summary>
    public void ExpectVersion(Entity entity, int version) =>
        Entry(entity).Property(e => e.Version).OriginalValue = version;

    /// <summary>Appends a history line that is not a field change (a secret was revealed, say).</summary>
    public void Record(Entity entity, string action, string? reason = null) =>
        AuditEntries.Add(AuditTrail.Entry(entity.MunicipalityId, entity.GetType().Name, entity.Id, action, [], Scope, _clock, reason));

    private void PrepareSave()
    {
        ChangeTracker.DetectChanges();
        // An employee's units live in a link table; changing them changes the employee, so its version
        // rises too and an edit of the units based on an older version is refused like any other.
        foreach (var link in ChangeTracker.Entries<EmployeeUnit>().Where(e => e.State is EntityState.Added or EntityState.Deleted).ToList())
        {
            var owner = ChangeTracker.Entries<Employee>().FirstOrDefault(e => e.Entity.Id == link.Entity.EmployeeId);
            if (owner?.State == EntityState.Unchanged) owner.Property(e => e.Version).IsModified = true;
        }
        foreach (var entry in ChangeTracker.Entries<Entity>().Where(e => e.State == EntityState.Modified && !AuditTrail.OnlyTelemetryChanged(e)))
        {
            var version = entry.Property(e => e.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }
        AuditEntries.AddRange(AuditTrail.Collect(ChangeTracker, Scope, _clock));
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
