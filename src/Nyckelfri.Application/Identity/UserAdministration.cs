using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.History;

namespace Nyckelfri.Identity;

/// <summary>
/// The municipality's logins: who holds which roles, scoped to which provider and unit. Every change
/// is recorded in the user's history (the password never is).
/// </summary>
public sealed class UserAdministration(NyckelfriDbContext db, UserManager<AppUser> users, StaffLogins staff, ISecurityEvents events) : IHandler
{
    /// <summary>A login as the list shows it; <paramref name="Disabled"/> and <paramref name="Removed"/> say why it cannot be used.</summary>
    public sealed record Item(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles,
        string? ProviderName, string? UnitName, bool TwoFactorEnabled, bool LockedOut, Guid? EmployeeId = null, string? EmployeeName = null,
        bool Disabled = false, bool Removed = false);

    public sealed class Command
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public List<string> Roles { get; set; } = [];
        public Guid? ProviderId { get; set; }
        public Guid? UnitId { get; set; }

        /// <summary>The employee the login is for (staff onboarding): linked on create, and on edit when none is yet. Unlinking is its own action.</summary>
        public Guid? EmployeeId { get; set; }

        /// <summary>Required when creating; on edit, empty keeps the password.</summary>
        public string? Password { get; set; }
        public string? ConcurrencyStamp { get; set; }
    }

    public async Task<IReadOnlyList<Item>> List(CancellationToken ct)
    {
        var municipality = db.Scope.MunicipalityId;
        var now = db.Clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking().Where(u => u.MunicipalityId == municipality).OrderBy(u => u.UserName).ToListAsync(ct);
        var roleRows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, ProviderName = u.Provider!.Name }).ToListAsync(ct);
        var providers = await db.Providers.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var employeeIds = rows.Where(u => u.EmployeeId != null).Select(u => u.EmployeeId!.Value).ToList();
        var employees = await db.Employees.WithoutScopeFilter().AsNoTracking().Where(e => employeeIds.Contains(e.Id) && e.MunicipalityId == municipality)
            .ToDictionaryAsync(e => e.Id, e => e.FirstName + " " + e.LastName, ct);
        return rows.Select(u => new Item(u.Id, u.UserName ?? "", u.DisplayName,
            roleRows.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            providers.FirstOrDefault(p => p.Id == u.ProviderId)?.Name, units.FirstOrDefault(x => x.Id == u.UnitId)?.Name,
            u.TwoFactorEnabled, u.LockoutEnd > now, u.EmployeeId, u.EmployeeId is { } e ? employees.GetValueOrDefault(e) : null,
            u.DisabledAt != null, u.RemovedAt != null)).ToList();
    }

    public async Task<(AppUser User, IList<string> Roles)> Get(string id, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.MunicipalityId == db.Scope.MunicipalityId, ct)
                   ?? throw new NotFoundException("Användaren");
        return (user, await users.GetRolesAsync(user));
    }

    public async Task<string> Create(Command command, CancellationToken ct)
    {
        var v = new Validator();
        var userName = v.Required(nameof(Command.UserName), command.UserName, "Användarnamn", 60);
        if (userName is not null && !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            v.Add(nameof(Command.UserName), "Användarnamnet får bara innehålla a–z, siffror, punkt, bindestreck och understreck.");
        // Taken only within this municipality: names are unique per municipality (MunicipalityUserValidator),
        // so the answer says nothing about other municipalities' logins.
        var normalized = userName is null ? null : users.NormalizeName(userName);
        if (normalized is not null && await db.Users.AnyAsync(u => u.MunicipalityId == db.Scope.MunicipalityId && u.NormalizedUserName == normalized, ct))
            v.Add(nameof(Command.UserName), "Användarnamnet är upptaget.");
        if (string.IsNullOrEmpty(command.Password)) v.Add(nameof(Command.Password), "Ange ett startlösenord.");
        // A password someone else chose: the user must choose their own at first login.
        var user = new AppUser { UserName = userName, MunicipalityId = db.Scope.MunicipalityId, MustChangePassword = true };
        await Apply(user, command, v, ct);
        if (command.EmployeeId is { } employeeId) await staff.LinkAsync(user, employeeId, ct);

        var created = await users.CreateAsync(user, command.Password!);
        ThrowIdentityErrors(created, nameof(Command.Password));
        await users.AddToRolesAsync(user, command.Roles.Distinct());
        Record(user, AuditActions.Created, command);
        await db.SaveChangesAsync(ct);
        return user.Id;
    }

    public async Task Edit(string id, Command command, CancellationToken ct)
    {
        var (user, roles) = await Get(id, ct);
        user.ThrowIfRemoved();
        if (command.ConcurrencyStamp is not null && command.ConcurrencyStamp != user.ConcurrencyStamp)
            throw new ConcurrencyConflictException();
        var v = new Validator();
        await Apply(user, command, v, ct);
        if (command.EmployeeId is { } employeeId) await staff.LinkAsync(user, employeeId, ct);
        if (!string.IsNullOrEmpty(command.Password))
        {
            var valid = await Task.WhenAll(users.PasswordValidators.Select(p => p.ValidateAsync(users, user, command.Password)));
            ThrowIdentityErrors(valid.FirstOrDefault(r => !r.Succeeded) ?? IdentityResult.Success, nameof(Command.Password));
        }
        ThrowIdentityErrors(await users.UpdateAsync(user), nameof(Command.UserName));
        await users.RemoveFromRolesAsync(user, roles.Except(command.Roles));
        await users.AddToRolesAsync(user, command.Roles.Distinct().Except(roles));
        if (!string.IsNullOrEmpty(command.Password))
        {
            await users.RemovePasswordAsync(user);
            ThrowIdentityErrors(await users.AddPasswordAsync(user, command.Password), nameof(Command.Password));
            user.MustChangePassword = true;
            ThrowIdentityErrors(await users.UpdateAsync(user), nameof(Command.Password));
        }
        // A new stamp ends every cookie and token of the login within seconds (docs/security.md, "Sessions and transport").
        await users.UpdateSecurityStampAsync(user);
        Record(user, AuditActions.Updated, command);
        await db.SaveChangesAsync(ct);
        if (!roles.Order().SequenceEqual(command.Roles.Order()))
            await Event(SecurityEventKind.RolesChanged, user, ct);
        if (!string.IsNullOrEmpty(command.Password)) await Event(SecurityEventKind.PasswordReset, user, ct, "set-by-administrator");
        await Event(SecurityEventKind.SessionsEnded, user, ct, "login-edited");
    }

    private Task Event(SecurityEventKind kind, AppUser user, CancellationToken ct, string? detail = null) =>
        events.RecordAsync(new SecurityEvent(kind, db.Scope.UserId, db.Scope.UserName, user.MunicipalityId, user.Id, detail), ct);

    /// <summary>Lifts a lockout and clears two-factor so that the user can enrol a new phone.</summary>
    public async Task Unlock(string id, bool resetTwoFactor, CancellationToken ct)
    {
        var (user, _) = await Get(id, ct);
        user.ThrowIfRemoved();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        if (resetTwoFactor)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
        }
        await users.UpdateSecurityStampAsync(user);
        db.AuditEntries.Add(AuditTrail.Entry(user.MunicipalityId, nameof(AppUser), Guid.Parse(user.Id), AuditActions.Updated,
            [new FieldChange("LockoutEnd", "spärrad", "upplåst"), .. resetTwoFactor ? [new FieldChange("TwoFactorEnabled", null, "false")] : Array.Empty<FieldChange>()],
            db.Scope, db.Clock));
        await db.SaveChangesAsync(ct);
        if (resetTwoFactor)
            await events.RecordAsync(new SecurityEvent(SecurityEventKind.TwoFactorDisabled, db.Scope.UserId, MunicipalityId: user.MunicipalityId,
                Subject: user.Id, Detail: "reset-by-administrator"), ct);
    }

    private async Task Apply(AppUser user, Command command, Validator v, CancellationToken ct)
    {
        var displayName = v.Required(nameof(Command.DisplayName), command.DisplayName, "Namn", 100);
        command.Roles = (command.Roles ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Distinct().ToList();
        if (command.Roles.Count == 0) v.Add(nameof(Command.Roles), "Välj minst en roll.");
        if (command.Roles.Any(r => !Roles.All.Contains(r) || r == Roles.Integration)) v.Add(nameof(Command.Roles), "Okänd roll.");
        var providerScoped = command.Roles.Any(Roles.ProviderScoped.Contains);
        if (providerScoped && command.ProviderId is null)
            v.Add(nameof(Command.ProviderId), "Roller hos en utförare kräver att utföraren anges.");
        if (command.ProviderId is { } providerId && !await db.Providers.AnyAsync(p => p.Id == providerId, ct))
            v.Add(nameof(Command.ProviderId), "Utföraren finns inte.");
        if (command.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.ProviderId == command.ProviderId, ct))
            v.Add(nameof(Command.UnitId), "Enheten finns inte hos den valda utföraren.");
        v.ThrowIfInvalid();
        user.DisplayName = displayName!;
        user.ProviderId = providerScoped ? command.ProviderId : null;
        user.UnitId = providerScoped ? command.UnitId : null;
    }

    private void Record(AppUser user, string action, Command command) =>
        db.AuditEntries.Add(AuditTrail.Entry(user.MunicipalityId, nameof(AppUser), Guid.Parse(user.Id), action,
        [
            new FieldChange("DisplayName", null, user.DisplayName),
            new FieldChange("Roles", null, string.Join(", ", command.Roles)),
            new FieldChange("ProviderId", null, user.ProviderId?.ToString()),
            new FieldChange("UnitId", null, user.UnitId?.ToString()),
        ], db.Scope, db.Clock));

    private static void ThrowIdentityErrors(IdentityResult result, string field)
    {
        if (result.Succeeded) return;
        throw new ValidationFailedException(new Dictionary<string, string[]>
        {
            [field] = result.Errors.Select(e => IdentityMessages.Swedish(e)).ToArray(),
        });
    }
}

/// <summary>Identity's error codes in Swedish.</summary>
public static class IdentityMessages
{
    public static string Swedish(IdentityError error) => error.Code switch
    {
        "PasswordTooShort" => "Lösenordet måste ha minst 12 tecken.",
        "PasswordRequiresDigit" => "Lösenordet måste innehålla en siffra.",
        "PasswordRequiresLower" => "Lösenordet måste innehålla en liten bokstav.",
        "PasswordRequiresUpper" => "Lösenordet måste innehålla en stor bokstav.",
        "PasswordRequiresNonAlphanumeric" => "Lösenordet måste innehålla ett specialtecken.",
        "PasswordRequiresUniqueChars" => "Lösenordet måste innehålla fler olika tecken.",
        "DuplicateUserName" => "Användarnamnet är upptaget.",
        CommonPasswordValidator.ErrorCode => "Lösenordet är ett av de vanligaste lösenorden och gissas lätt. Välj ett annat.",
        "PasswordMismatch" => "Det nuvarande lösenordet stämmer inte.",
        "InvalidUserName" => "Användarnamnet innehåller otillåtna tecken.",
        "ConcurrencyFailure" => "Någon annan har ändrat användaren. Ladda om sidan och försök igen.",
        _ => "Uppgiften kunde inte sparas.",
    };
}
