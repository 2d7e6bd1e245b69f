using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.History;
using Nyckelfri.Staff;

namespace Nyckelfri.Identity;

/// <summary>
/// Staff onboarding (issue 12, docs/access-control.md "A login for an employee"): an administrator
/// links a login to an employee, so that the employee sees Mina brukare and gets credentials through
/// it. Same municipality, one login per employee and one employee per login (a unique index holds the
/// first against races), written to the history of both. Unlinking takes back at once every credential
/// the employee still holds (revocation follows permission, docs/revocation.md): the save that clears
/// the link publishes the list. The demo links its logins through <see cref="Link(AppUser, Employee)"/> too.
/// </summary>
public sealed class StaffLogins(NyckelfriDbContext db, UserManager<AppUser> users) : IHandler
{
    public sealed class Command
    {
        public Guid? EmployeeId { get; set; }
    }

    /// <summary>The login linked to an employee, if any (for the employee's record).</summary>
    public sealed record LinkedLogin(string UserId, string UserName);

    /// <summary>An employee a login may be linked to, for the pick list.</summary>
    public sealed record EmployeeOption(Guid Id, string Name, string ProviderName);

    /// <summary>A login that may be linked to an employee, for the pick list.</summary>
    public sealed record LoginOption(string Id, string UserName, string DisplayName);

    public async Task LinkAsync(string userId, Command command, CancellationToken ct)
    {
        if (command.EmployeeId is not { } employeeId || employeeId == Guid.Empty)
            throw ValidationFailedException.For(nameof(Command.EmployeeId), "Välj en medarbetare.");
        var user = await LoadUser(userId, ct);
        user.ThrowIfRemoved();
        await LinkAsync(user, employeeId, ct);
        ThrowIfFailed(await users.UpdateAsync(user));
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>Checks the rules and links (the caller saves, through the user manager).</summary>
    internal async Task LinkAsync(AppUser user, Guid employeeId, CancellationToken ct)
    {
        // Another municipality's employee is as unknown here as one that does not exist.
        var employee = await db.Employees.WithoutScopeFilter()
            .FirstOrDefaultAsync(e => e.Id == employeeId && e.MunicipalityId == db.Scope.MunicipalityId, ct)
            ?? throw new NotFoundException("Medarbetaren");
        if (user.EmployeeId == employeeId) return;
        if (user.EmployeeId is not null)
            throw new RuleViolationException("login-has-employee",
                "Inloggningen är redan kopplad till en annan medarbetare. Koppla bort den först.");
        var other = await db.Users.Where(u => u.EmployeeId == employeeId && u.Id != user.Id).Select(u => u.UserName).FirstOrDefaultAsync(ct);
        if (other is not null)
            throw new RuleViolationException("employee-has-login", $"Medarbetaren har redan inloggningen {other}. En medarbetare har en inloggning.");
        Link(user, employee);
        RecordBoth(user, employee.Id, null, employee.Id, "Inloggning kopplad", employee.FullName);
    }

    public async Task UnlinkAsync(string userId, CancellationToken ct)
    {
        var user = await LoadUser(userId, ct);
        if (user.EmployeeId is not { } employeeId)
            throw new RuleViolationException("login-not-linked", "Inloggningen är inte kopplad till någon medarbetare.");
        var name = await db.Employees.WithoutScopeFilter().Where(e => e.Id == employeeId).Select(e => e.FirstName + " " + e.LastName).FirstOrDefaultAsync(ct);
        user.EmployeeId = null;
        RecordBoth(user, employeeId, employeeId, null, "Inloggning bortkopplad", name ?? "–");
        // The user manager saves through the context: the same save revokes the employee's credentials.
        ThrowIfFailed(await users.UpdateAsync(user));
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>The one rule the demo shares: a login and an employee of the same municipality.</summary>
    public static void Link(AppUser user, Employee employee)
    {
        if (user.MunicipalityId != employee.MunicipalityId)
            throw new RuleViolationException("other-municipality", "Inloggningen och medarbetaren hör till olika kommuner.");
        user.EmployeeId = employee.Id;
    }

    public async Task<LinkedLogin?> LoginOf(Guid employeeId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.EmployeeId == employeeId && u.MunicipalityId == db.Scope.MunicipalityId)
            .Select(u => new LinkedLogin(u.Id, u.UserName ?? "")).FirstOrDefaultAsync(ct);

    /// <summary>The municipality's employees without a login, by name.</summary>
    public async Task<IReadOnlyList<EmployeeOption>> EmployeesWithoutLogin(CancellationToken ct)
    {
        var linked = db.Users.Where(u => u.EmployeeId != null).Select(u => u.EmployeeId!.Value);
        return await db.Employees.AsNoTracking()
            .Where(e => !linked.Contains(e.Id))
            .OrderBy(e => e.LastName).ThenBy(e => e.FirstName)
            .Select(e => new EmployeeOption(e.Id, e.FirstName + " " + e.LastName, e.Provider!.Name))
            .Take(1000).ToListAsync(ct);
    }

    /// <summary>The municipality's logins that no employee has, by user name.</summary>
    public async Task<IReadOnlyList<LoginOption>> LoginsWithoutEmployee(CancellationToken ct) =>
        await db.Users.AsNoTracking()
            .Where(u => u.MunicipalityId == db.Scope.MunicipalityId && u.EmployeeId == null && u.RemovedAt == null)
            .OrderBy(u => u.UserName)
            .Select(u => new LoginOption(u.Id, u.UserName ?? "", u.DisplayName))
            .Take(1000).ToListAsync(ct);

    private async Task<AppUser> LoadUser(string userId, CancellationToken ct) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.MunicipalityId == db.Scope.MunicipalityId, ct)
        ?? throw new NotFoundException("Användaren");

    private void RecordBoth(AppUser user, Guid employeeId, Guid? before, Guid? after, string action, string employeeName)
    {
        db.AuditEntries.Add(AuditTrail.Entry(user.MunicipalityId, nameof(AppUser), Guid.Parse(user.Id), AuditActions.Updated,
            [new FieldChange("EmployeeId", before?.ToString(), after?.ToString())], db.Scope, db.Clock, $"{action}: {employeeName}"));
        db.AuditEntries.Add(AuditTrail.Entry(user.MunicipalityId, nameof(Employee), employeeId, AuditActions.Updated,
            [new FieldChange("Login", before is null ? null : user.UserName, after is null ? null : user.UserName)], db.Scope, db.Clock,
            $"{action}: {user.UserName}"));
    }

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [nameof(Command.EmployeeId)] = result.Errors.Select(IdentityMessages.Swedish).ToArray(),
            });
    }
}
