using Microsoft.AspNetCore.Identity;
using Nyckelfri.Common;

namespace Nyckelfri.Identity;

/// <summary>A person who logs in. Belongs to one municipality; provider roles also name a provider/unit.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Guid MunicipalityId { get; set; }
    public Guid? ProviderId { get; set; }
    public Guid? UnitId { get; set; }
    public Guid? EmployeeId { get; set; }

    /// <summary>Set while an administrator has disabled the login: it cannot sign in, and no cookie or token of it works.</summary>
    public DateTime? DisabledAt { get; private set; }

    /// <summary>
    /// Set once the login is removed. The row stays as a tombstone so that its history (and every entry
    /// it wrote in others' histories) still names it; it has no password, roles or second factor, and
    /// its user name is never given out again (docs/security.md, "Sessions and transport").
    /// </summary>
    public DateTime? RemovedAt { get; private set; }

    /// <summary>Whether the login may be used at all (neither disabled nor removed).</summary>
    public bool IsActive => DisabledAt is null && RemovedAt is null;

    public void Disable(DateTime now)
    {
        ThrowIfRemoved();
        if (DisabledAt is not null) throw new RuleViolationException("login-disabled", "Inloggningen är redan avstängd.");
        DisabledAt = now;
    }

    public void Enable()
    {
        ThrowIfRemoved();
        if (DisabledAt is null) throw new RuleViolationException("login-not-disabled", "Inloggningen är inte avstängd.");
        DisabledAt = null;
    }

    public void Remove(DateTime now)
    {
        ThrowIfRemoved();
        RemovedAt = now;
        DisabledAt ??= now;
    }

    public void ThrowIfRemoved()
    {
        if (RemovedAt is not null) throw new RuleViolationException("login-removed", "Inloggningen är borttagen och kan inte ändras.");
    }

    /// <summary>
    /// The password was set by someone else (an administrator, the create-municipality command): the user
    /// must choose their own before anything else works (docs/security.md, "Accounts and passwords").
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// The RFC 6238 time step (Unix seconds / 30) of the last TOTP code this user signed in with; a code of
    /// that step or an earlier one is refused, so every code works once. Not a secret: it is a counter.
    /// </summary>
    public long? LastTotpTimeStep { get; set; }
}
