namespace Nyckelfri.Common;

/// <summary>
/// Who is asking, and so what they may see. The DbContext's query filters read it, so that scoping
/// holds for every query whichever page or endpoint runs it (STYLE.md §6).
/// A provider-scoped user sees the clients their provider (or unit) serves today; a municipal role
/// sees its municipality; nobody sees another municipality. An anonymous scope sees nothing.
/// </summary>
public sealed class AccessScope : IAccessScopeSource
{
    public static readonly AccessScope Anonymous = new() { MunicipalityId = Guid.Empty };

    /// <summary>For start-up work (migrations, the demo generator, background jobs): no filters.</summary>
    public static AccessScope System(Guid municipalityId = default) =>
        new() { IsSystem = true, MunicipalityId = municipalityId, UserName = "system" };

    public bool IsSystem { get; init; }
    public Guid MunicipalityId { get; init; }
    public Guid? ProviderId { get; init; }
    public Guid? UnitId { get; init; }
    public string? UserId { get; init; }

    /// <summary>The employee record of a care-staff user (whose digital key it is), if any.</summary>
    public Guid? EmployeeId { get; init; }

    /// <summary>
    /// Set for care staff (a login whose roles are only <c>Employee</c>/<c>Nurse</c>, linked to an employee): they see
    /// only the clients that a unit they work for today serves today (own units and booked or added units, minus
    /// restricted ones; nothing while not employed or on long leave), as the door rule lets them in. Least
    /// privilege: an unbooked substitute sees no client and no door code. Null: the provider/unit scope alone.
    /// </summary>
    public Guid? WorkingEmployeeId { get; init; }
    public string UserName { get; init; } = "anonym";
    public IReadOnlySet<string> Roles { get; init; } = new HashSet<string>();

    /// <summary>Today in Swedish time; decides which services (and so which clients) are current.</summary>
    public DateOnly Today { get; init; }

    /// <summary>A fixed scope is its own source (start-up work, tests).</summary>
    AccessScope IAccessScopeSource.Current => this;

    public bool IsInRole(string role) => Roles.Contains(role);
    public bool IsAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}

/// <summary>
/// Where the DbContext reads the caller's scope, at the moment it runs a query or saves: in a web
/// request the user may only be known after the context was created (cookie validation itself
/// loads the user through the context), so the scope must not be captured at construction.
/// </summary>
public interface IAccessScopeSource
{
    AccessScope Current { get; }
}
