using Microsoft.AspNetCore.Identity;
using Nyckelfri.Identity;
using Nyckelfri.Staff;

namespace Nyckelfri.Demo;

/// <summary>
/// One demo login per role (SPEC §2). A person's role, with its scope: the whole municipality,
/// one provider, or one unit of a provider (<see cref="UnitName"/> set).
/// </summary>
public sealed record DemoLogin(string UserName, string Role, string DisplayName, string? ProviderName = null, string? UnitName = null)
{
    public string SwedishRoleName => Roles.SwedishName(Role);

    /// <summary>What the login sees, in Swedish, for the login page and the README.</summary>
    public string Scope => (ProviderName, UnitName) switch
    {
        (null, _) => $"Hela {DemoOrganisation.MunicipalityName}",
        (_, null) => $"{ProviderName} (hela utföraren)",
        _ => $"{ProviderName}, {UnitName}",
    };
}

/// <summary>
/// The demo logins and the shared password. The coordinator, unit manager and employee work for an
/// external LOV provider, so that the demo shows provider scoping; the nurse and the night-patrol
/// coordinator work in the municipality's own home care.
/// </summary>
public static class DemoLogins
{
    /// <summary>The one password of every demo login. Only ever used in a demo municipality.</summary>
    public const string Password = "Nyckelfri-demo1";

    public static readonly IReadOnlyList<DemoLogin> All =
    [
        new("systemforvaltare", Roles.SystemAdministrator, "Maria Holmgren"),
        new("handlaggare", Roles.CaseOfficer, "Eva Lundqvist"),
        new("avgift", Roles.FeeOfficer, "Johan Sandberg"),
        new("larmhandlaggare", Roles.AlarmOfficer, "Anneli Forsberg"),
        new("larmcentral-admin", Roles.AlarmCentreAdministration, "Peter Nyberg"),
        new("larmcentral-support", Roles.AlarmCentreSupport, "Linda Ekström"),
        new("montor", Roles.Installer, "Mikael Björk"),
        new("lassmed", Roles.Locksmith, "Tomas Hedlund"),
        new("samordnare", Roles.Coordinator, "Amina Hassan", DemoOrganisation.ExternalProvider),
        new("enhetschef", Roles.UnitManager, "Karin Wallin", DemoOrganisation.ExternalProvider),
        new("medarbetare", Roles.Employee, "Sara Nilsson", DemoOrganisation.ExternalProvider, DemoOrganisation.ExternalCentre),
        new("sjukskoterska", Roles.Nurse, "Ida Bergman", DemoOrganisation.InternalProvider, DemoOrganisation.HslTeam),
        new("nattpatrull", Roles.NightPatrolCoordinator, "Daniel Öberg", DemoOrganisation.InternalProvider),
        new("bemanning", Roles.StaffingUnit, "Fatima Ali"),
        new("granskare", Roles.Auditor, "Lena Åberg"),
    ];

    /// <summary>Logins that are also staff in the registry: they carry a digital key of their own.</summary>
    internal static IEnumerable<DemoLogin> Staff => All.Where(l => l.Role is Roles.Employee or Roles.Nurse);

    internal static string Email(DemoLogin login) => $"{login.UserName}@demo-kommun.example";

    /// <summary>Creates every role of <see cref="Roles.All"/> that is missing, then the demo logins.</summary>
    internal static async Task<int> CreateAsync(UserManager<AppUser> users, RoleManager<IdentityRole> roles,
        Guid municipalityId, DemoOrganisation organisation, IReadOnlyDictionary<string, Employee> staff)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), role);

        // Every demo login shares one published password, so one hash (one salt) serves them all and
        // the costly key derivation runs once instead of fifteen times.
        string? passwordHash = null;
        foreach (var login in All)
        {
            var provider = login.ProviderName is null ? null : organisation.Provider(login.ProviderName);
            var unit = login.UnitName is null ? null : organisation.Unit(login.UnitName);
            var user = new AppUser
            {
                UserName = login.UserName,
                Email = Email(login),
                EmailConfirmed = true,
                DisplayName = login.DisplayName,
                MunicipalityId = municipalityId,
                ProviderId = provider?.Id,
                UnitId = unit?.Id,
                EmployeeId = staff.TryGetValue(login.UserName, out var employee) ? employee.Id : null,
            };
            passwordHash ??= await HashPasswordAsync(users, user);
            user.PasswordHash = passwordHash;
            Check(await users.CreateAsync(user), login.UserName);
            Check(await users.AddToRoleAsync(user, login.Role), login.UserName);
        }
        return All.Count;
    }

    private static async Task<string> HashPasswordAsync(UserManager<AppUser> users, AppUser user)
    {
        foreach (var validator in users.PasswordValidators)
            Check(await validator.ValidateAsync(users, user, Password), nameof(Password));
        return users.PasswordHasher.HashPassword(user, Password);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Demo: could not create '{what}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
