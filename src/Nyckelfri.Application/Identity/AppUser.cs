using Microsoft.AspNetCore.Identity;

namespace Nyckelfri.Identity;

/// <summary>A person who logs in. Belongs to one municipality; provider roles also name a provider/unit.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Guid MunicipalityId { get; set; }
    public Guid? ProviderId { get; set; }
    public Guid? UnitId { get; set; }
    public Guid? EmployeeId { get; set; }

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
