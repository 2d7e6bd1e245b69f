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

/// <summary>The DbContext's query filters: who sees which rows (docs/access-control.md, docs/security.md "Failing closed").</summary>
public sealed partial class NyckelfriDbContext
{
    // Read by the query filters; EF turns each into a parameter of every query.
    private bool IsSystemScope => Scope.IsSystem;
    private Guid ScopeMunicipalityId => Scope.MunicipalityId;
    private Guid? ScopeProviderId => Scope.ProviderId;
    private Guid? ScopeUnitId => Scope.UnitId;
    private DateOnly ScopeToday => Scope.Today;
    private string? ScopeUserId => Scope.UserId;
    private Guid? ScopeWorkingEmployeeId => Scope.WorkingEmployeeId;

    /// <summary>
    /// Two named filters per entity (EF Core 10), so that a query can leave one and keep the other:
    /// <see cref="QueryFilters.Tenant"/> (the caller's municipality; nobody sees another's) and
    /// <see cref="QueryFilters.Scope"/> (a provider's or unit's user sees its own clients and staff).
    /// Code leaves the provider scope with <c>WithoutScopeFilter()</c>, which keeps the tenant filter;
    /// leaving the tenant filter is <c>AcrossMunicipalities()</c>, allowed only in the reviewed places
    /// that an architecture test lists (QueryFilterUseTests).
    /// </summary>
    private void AddQueryFilters(ModelBuilder builder)
    {
        const string tenant = QueryFilters.Tenant, scope = QueryFilters.Scope;
        builder.Entity<Municipality>().HasQueryFilter(tenant, m => IsSystemScope || m.Id == ScopeMunicipalityId);
        builder.Entity<Provider>().HasQueryFilter(tenant, p => IsSystemScope || p.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<Unit>().HasQueryFilter(tenant, u => IsSystemScope || u.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<PropertyOwner>().HasQueryFilter(tenant, o => IsSystemScope || o.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<Address>().HasQueryFilter(tenant, a => IsSystemScope || a.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<Entrance>().HasQueryFilter(tenant, e => IsSystemScope || e.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<ApiKey>().HasQueryFilter(tenant, k => IsSystemScope || k.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<IdentityProvider>().HasQueryFilter(tenant, p => IsSystemScope || p.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<SecurityEventRecord>().HasQueryFilter(tenant, e => IsSystemScope || e.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<AuditEntry>().HasQueryFilter(tenant, a => IsSystemScope || a.MunicipalityId == ScopeMunicipalityId);

        builder.Entity<EmployeeUnit>().HasQueryFilter(tenant, eu => IsSystemScope || eu.Unit!.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<Employee>()
            .HasQueryFilter(tenant, e => IsSystemScope || e.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, e => IsSystemScope || ScopeProviderId == null || e.ProviderId == ScopeProviderId);

        // A provider-scoped user sees only its own provider's (unit's) services; care staff only the services
        // running today at a unit they work for today (AccessScope.WorkingEmployeeId; the door rule's units,
        // AccessPolicy.UnitsOn, written for the database). Services are the root of client visibility, so
        // this filter must not navigate back to Client.
        builder.Entity<CareService>()
            .HasQueryFilter(tenant, s => IsSystemScope || s.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, s => IsSystemScope ||
            ((ScopeProviderId == null || s.Unit!.ProviderId == ScopeProviderId)
             && (ScopeUnitId == null || s.UnitId == ScopeUnitId)
             && (ScopeWorkingEmployeeId == null
                 || (s.StartDate <= ScopeToday && (s.EndDate == null || s.EndDate >= ScopeToday)
                     && Employees.Any(x => x.Id == ScopeWorkingEmployeeId
                         && x.StartDate <= ScopeToday && (x.EndDate == null || x.EndDate >= ScopeToday)
                         && (x.LongLeaveFrom == null || x.LongLeaveFrom > ScopeToday || (x.LongLeaveTo != null && x.LongLeaveTo < ScopeToday))
                         && (x.Units.Any(eu => eu.UnitId == s.UnitId)
                             || AccessGrants.Any(g => g.EmployeeId == x.Id && g.UnitId == s.UnitId && g.Kind != AccessGrantKind.RestrictUnit
                                                      && g.WithdrawnAt == null && g.FromDate <= ScopeToday && g.ToDate >= ScopeToday))
                         && !AccessGrants.Any(g => g.EmployeeId == x.Id && g.UnitId == s.UnitId && g.Kind == AccessGrantKind.RestrictUnit
                                                   && g.WithdrawnAt == null && g.FromDate <= ScopeToday && g.ToDate >= ScopeToday))))));

        // A client is visible to a provider (unit) that serves them today or will: an ended
        // service, or a change of provider, ends the old provider's view of the client. Care staff see
        // a client while a unit they work for today serves the client today (the same rule as above).
        builder.Entity<Client>()
            .HasQueryFilter(tenant, c => IsSystemScope || c.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, c => IsSystemScope ||
            ((ScopeProviderId == null || c.Services.Any(s =>
                     (s.EndDate == null || s.EndDate >= ScopeToday)
                     && s.Unit!.ProviderId == ScopeProviderId
                     && (ScopeUnitId == null || s.UnitId == ScopeUnitId)
                     && (ScopeWorkingEmployeeId == null
                         || (s.StartDate <= ScopeToday
                             && Employees.Any(x => x.Id == ScopeWorkingEmployeeId
                                 && x.StartDate <= ScopeToday && (x.EndDate == null || x.EndDate >= ScopeToday)
                                 && (x.LongLeaveFrom == null || x.LongLeaveFrom > ScopeToday || (x.LongLeaveTo != null && x.LongLeaveTo < ScopeToday))
                                 && (x.Units.Any(eu => eu.UnitId == s.UnitId)
                                     || AccessGrants.Any(g => g.EmployeeId == x.Id && g.UnitId == s.UnitId && g.Kind != AccessGrantKind.RestrictUnit
                                                              && g.WithdrawnAt == null && g.FromDate <= ScopeToday && g.ToDate >= ScopeToday))
                                 && !AccessGrants.Any(g => g.EmployeeId == x.Id && g.UnitId == s.UnitId && g.Kind == AccessGrantKind.RestrictUnit
                                                           && g.WithdrawnAt == null && g.FromDate <= ScopeToday && g.ToDate >= ScopeToday))))))));

        builder.Entity<Household>()
            .HasQueryFilter(tenant, h => IsSystemScope || h.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, h => IsSystemScope || ScopeProviderId == null || h.Clients.Any());

        AddDeviceAndKeyFilters(builder);
        builder.Entity<Notification>().HasQueryFilter(tenant, n => IsSystemScope || n.MunicipalityId == ScopeMunicipalityId);
        AddRoutineFilters(builder);
        AddAccessFilters(builder);
    }

    /// <summary>
    /// Keys, grants and receipts follow the employee (a provider's user sees its own staff's); the access
    /// log, break-glass and visits follow the client or the employee; the protocol's own records (issuer
    /// key, revocation lists, lock sync) and the webhook queue are the municipality's, behind policies.
    /// A device-key challenge is its own user's only (a scope filter: the user's, not the provider's).
    /// </summary>
    private void AddAccessFilters(ModelBuilder builder)
    {
        const string tenant = QueryFilters.Tenant, scope = QueryFilters.Scope;
        builder.Entity<DigitalKey>()
            .HasQueryFilter(tenant, k => IsSystemScope || k.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, k => IsSystemScope || ScopeProviderId == null || Employees.Any(e => e.Id == k.EmployeeId));
        builder.Entity<DeviceKeyChallenge>()
            .HasQueryFilter(tenant, c => IsSystemScope || c.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, c => IsSystemScope || c.UserId == ScopeUserId);
        builder.Entity<ReplacedDeviceKey>().HasQueryFilter(tenant, r => IsSystemScope || r.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<TwoFactorDevice>()
            .HasQueryFilter(tenant, d => IsSystemScope || d.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, d => IsSystemScope || ScopeProviderId == null || Employees.Any(e => e.Id == d.EmployeeId)
                                        || Units.Any(u => u.Id == d.UnitId && u.ProviderId == ScopeProviderId));
        builder.Entity<DigitalKeyReceipt>()
            .HasQueryFilter(tenant, r => IsSystemScope || r.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, r => IsSystemScope || ScopeProviderId == null || Employees.Any(e => e.Id == r.EmployeeId));
        builder.Entity<AccessGrant>()
            .HasQueryFilter(tenant, g => IsSystemScope || g.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, g => IsSystemScope || ScopeProviderId == null || Employees.Any(e => e.Id == g.EmployeeId));
        builder.Entity<AccessEvent>()
            .HasQueryFilter(tenant, e => IsSystemScope || e.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, e => IsSystemScope || ScopeProviderId == null
                                        || (e.ClientId != null && Clients.Any(c => c.Id == e.ClientId))
                                        || (e.EmployeeId != null && Employees.Any(x => x.Id == e.EmployeeId
                                            && (ScopeUnitId == null || x.Units.Any(u => u.UnitId == ScopeUnitId))
                                            && (ScopeWorkingEmployeeId == null || x.Id == ScopeWorkingEmployeeId))));
        builder.Entity<BreakGlass>()
            .HasQueryFilter(tenant, g => IsSystemScope || g.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, g => IsSystemScope || ScopeProviderId == null
                                        || Clients.Any(c => c.Id == g.ClientId) || Employees.Any(x => x.Id == g.EmployeeId
                                            && (ScopeUnitId == null || x.Units.Any(u => u.UnitId == ScopeUnitId))
                                            && (ScopeWorkingEmployeeId == null || x.Id == ScopeWorkingEmployeeId)));
        builder.Entity<Visit>()
            .HasQueryFilter(tenant, v => IsSystemScope || v.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, v => IsSystemScope || ScopeProviderId == null
                                        || Clients.Any(c => c.Id == v.ClientId) || Employees.Any(x => x.Id == v.EmployeeId
                                            && (ScopeUnitId == null || x.Units.Any(u => u.UnitId == ScopeUnitId))
                                            && (ScopeWorkingEmployeeId == null || x.Id == ScopeWorkingEmployeeId)));
        builder.Entity<NfcTag>()
            .HasQueryFilter(tenant, t => IsSystemScope || t.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, t => IsSystemScope || ScopeProviderId == null || Clients.Any(c => c.Id == t.ClientId));
        builder.Entity<LockSync>().HasQueryFilter(tenant, s => IsSystemScope || s.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<RevocationListRecord>().HasQueryFilter(tenant, r => IsSystemScope || r.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<RevokedCredential>().HasQueryFilter(tenant, r => IsSystemScope || r.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<IssuerKey>().HasQueryFilter(tenant, k => IsSystemScope || k.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<IssuerKeySetRecord>().HasQueryFilter(tenant, s => IsSystemScope || s.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<WebhookDelivery>().HasQueryFilter(tenant, d => IsSystemScope || d.MunicipalityId == ScopeMunicipalityId);
    }

    /// <summary>
    /// A work order follows its client (or household): a provider's user sees those of its own clients,
    /// and the ones about its unit or whose current step its unit owns, though the client is no longer
    /// its own (the unit whose home care ended returns its keys; the last unit orders the removal).
    /// Answers and comments have no municipality of their own: they follow their work order, whose
    /// filters the nested query applies (and leaves, as the outer query says).
    /// </summary>
    private void AddRoutineFilters(ModelBuilder builder)
    {
        const string tenant = QueryFilters.Tenant, scope = QueryFilters.Scope;
        builder.Entity<RoutineStepOwner>().HasQueryFilter(tenant, o => IsSystemScope || o.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<WorkOrder>()
            .HasQueryFilter(tenant, w => IsSystemScope || w.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, w => IsSystemScope || ScopeProviderId == null
                                        || (w.ClientId != null && Clients.Any(c => c.Id == w.ClientId))
                                        || (w.HouseholdId != null && Clients.Any(c => c.HouseholdId == w.HouseholdId))
                                        || Units.Any(u => (u.Id == w.UnitId || u.Id == w.OwnerUnitId) && u.ProviderId == ScopeProviderId
                                                          && (ScopeUnitId == null || u.Id == ScopeUnitId)));
        builder.Entity<CheckpointAnswer>().HasQueryFilter(tenant, a => IsSystemScope || WorkOrders.Any(w => w.Id == a.WorkOrderId));
        builder.Entity<WorkOrderComment>().HasQueryFilter(tenant, c => IsSystemScope || WorkOrders.Any(w => w.Id == c.WorkOrderId));
    }

    /// <summary>
    /// Stock is the municipality's (policies keep provider users away from it); a device, a key set,
    /// a receipt follow the clients: a provider's user sees those of the clients it may see.
    /// </summary>
    private void AddDeviceAndKeyFilters(ModelBuilder builder)
    {
        const string tenant = QueryFilters.Tenant, scope = QueryFilters.Scope;
        builder.Entity<DeviceModel>().HasQueryFilter(tenant, m => IsSystemScope || m.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<StockLocation>().HasQueryFilter(tenant, l => IsSystemScope || l.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<ReorderLevel>().HasQueryFilter(tenant, r => IsSystemScope || r.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<PurchaseOrder>().HasQueryFilter(tenant, o => IsSystemScope || o.MunicipalityId == ScopeMunicipalityId);
        builder.Entity<PurchaseOrderLine>().HasQueryFilter(tenant, l => IsSystemScope || l.MunicipalityId == ScopeMunicipalityId);

        // A device at a household is visible with the household's clients; an entrance unit with
        // the clients behind its entrance; a device on a shelf only to municipal roles.
        builder.Entity<Device>()
            .HasQueryFilter(tenant, d => IsSystemScope || d.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, d => IsSystemScope || ScopeProviderId == null
                                        || (d.HouseholdId != null && Clients.Any(c => c.HouseholdId == d.HouseholdId))
                                        || (d.EntranceId != null && Clients.Any(c => c.Household!.EntranceId == d.EntranceId)));
        builder.Entity<BatteryReading>()
            .HasQueryFilter(tenant, r => IsSystemScope || r.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, r => IsSystemScope || ScopeProviderId == null || Devices.Any(d => d.Id == r.DeviceId));
        builder.Entity<PendingTask>()
            .HasQueryFilter(tenant, t => IsSystemScope || t.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, t => IsSystemScope || ScopeProviderId == null || Devices.Any(d => d.Id == t.DeviceId));

        builder.Entity<OriginalLockPart>()
            .HasQueryFilter(tenant, p => IsSystemScope || p.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, p => IsSystemScope || ScopeProviderId == null || Clients.Any(c => c.Id == p.ClientId));
        builder.Entity<KeySet>()
            .HasQueryFilter(tenant, k => IsSystemScope || k.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, k => IsSystemScope || ScopeProviderId == null || Clients.Any(c => c.Id == k.ClientId));
        builder.Entity<KeyReceipt>()
            .HasQueryFilter(tenant, r => IsSystemScope || r.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, r => IsSystemScope || ScopeProviderId == null || Clients.Any(c => c.Id == r.ClientId));
        builder.Entity<PhysicalKeyUse>()
            .HasQueryFilter(tenant, u => IsSystemScope || u.MunicipalityId == ScopeMunicipalityId)
            .HasQueryFilter(scope, u => IsSystemScope || ScopeProviderId == null || Clients.Any(c => c.Id == u.ClientId));
    }
}
