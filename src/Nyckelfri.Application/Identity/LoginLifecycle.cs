using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.History;

namespace Nyckelfri.Identity;

/// <summary>
/// An administrator disables a login (and enables it again) or removes it. Each ends every session and
/// token of the login at once (a new security stamp), is written to the login's history and recorded as
/// a security event. An administrator cannot do any of it to their own login: locking oneself out of the
/// only administrator login would need the database to undo.
/// </summary>
public sealed class LoginLifecycle(NyckelfriDbContext db, UserManager<AppUser> users, StaffLogins staff, ISecurityEvents events) : IHandler
{
    public async Task Disable(string id, CancellationToken ct)
    {
        var user = await Load(id, ct);
        user.Disable(db.Clock.GetUtcNow().UtcDateTime);
        await Save(user, SecurityEventKind.LoginDisabled, new FieldChange("Status", "aktiv", "avstängd"), ct);
    }

    public async Task Enable(string id, CancellationToken ct)
    {
        var user = await Load(id, ct);
        user.Enable();
        await Save(user, SecurityEventKind.LoginEnabled, new FieldChange("Status", "avstängd", "aktiv"), ct);
    }

    /// <summary>
    /// Removes the login: its password, roles, second factor and employee link go; the row stays, marked
    /// removed, so that the history still names who did what.
    /// </summary>
    public async Task Remove(string id, CancellationToken ct)
    {
        var user = await Load(id, ct);
        user.ThrowIfRemoved();
        // Unlinking takes back the employee's credentials in the same way as the administrator's own unlink.
        if (user.EmployeeId is not null) await staff.UnlinkAsync(id, ct);
        user = await Load(id, ct);
        var roles = await users.GetRolesAsync(user);
        if (roles.Count > 0) ThrowIfFailed(await users.RemoveFromRolesAsync(user, roles));
        if (await users.HasPasswordAsync(user)) ThrowIfFailed(await users.RemovePasswordAsync(user));
        ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, false));
        await users.RemoveAuthenticationTokenAsync(user, ProtectedTokenUserStore.InternalLoginProvider, "AuthenticatorKey");
        await users.RemoveAuthenticationTokenAsync(user, ProtectedTokenUserStore.InternalLoginProvider, "RecoveryCodes");
        user.Remove(db.Clock.GetUtcNow().UtcDateTime);
        await Save(user, SecurityEventKind.LoginRemoved, new FieldChange("Status", "aktiv", "borttagen"), ct,
            new FieldChange("Roles", string.Join(", ", roles.Order()), null));
    }

    private async Task Save(AppUser user, SecurityEventKind kind, FieldChange status, CancellationToken ct, params FieldChange[] more)
    {
        db.AuditEntries.Add(AuditTrail.Entry(user.MunicipalityId, nameof(AppUser), Guid.Parse(user.Id), AuditActions.Updated,
            [status, .. more], db.Scope, db.Clock));
        // The user manager saves through the context (the history entry with it) and the new stamp ends every session.
        ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
        await events.RecordAsync(new SecurityEvent(kind, db.Scope.UserId, db.Scope.UserName, user.MunicipalityId, user.Id), ct);
        await events.RecordAsync(new SecurityEvent(SecurityEventKind.SessionsEnded, db.Scope.UserId, db.Scope.UserName,
            user.MunicipalityId, user.Id, kind.ToString()), ct);
    }

    private async Task<AppUser> Load(string id, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.MunicipalityId == db.Scope.MunicipalityId, ct)
                   ?? throw new NotFoundException("Användaren");
        if (user.Id == db.Scope.UserId)
            throw new RuleViolationException("own-login", "Du kan inte stänga av eller ta bort din egen inloggning.");
        return user;
    }

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new RuleViolationException("login-change-failed", string.Join(" ", result.Errors.Select(IdentityMessages.Swedish)));
    }
}
