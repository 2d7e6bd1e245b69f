using Microsoft.AspNetCore.Identity;
using Nyckelfri.Identity;

namespace Nyckelfri.Demo;

/// <summary>
/// A demo login (SPEC §2): a person's role, with its scope: the whole municipality, one provider, or
/// one unit of a provider (<see cref="UnitName"/> set), in one of the demo municipalities.
/// </summary>
public sealed record DemoLogin(string UserName, string Role, string DisplayName, string? ProviderName = null, string? UnitName = null,
    string Municipality = DemoOrganisation.MunicipalityName)
{
    public string SwedishRoleName => Roles.SwedishName(Role);

    /// <summary>What the login sees, in Swedish, for the login page and the README.</summary>
    public string Scope => (ProviderName, UnitName) switch
    {
        (null, _) => $"Hela {Municipality}",
        (_, null) => $"{ProviderName} (hela utföraren)",
        _ => $"{ProviderName}, {UnitName}",
    };
}

/// <summary>Where a demo login belongs in the registry: its municipality, and for provider roles its provider and unit.</summary>
internal sealed record DemoLoginPlace(Guid MunicipalityId, Guid? ProviderId, Guid? UnitId, Staff.Employee? Employee);

/// <summary>
/// The demo logins and the shared password. In Demo kommun one login per role: the coordinator, unit
/// manager and employee work for an external LOV provider, so that the demo shows provider scoping; the
/// nurse and the night-patrol coordinator work in the municipality's own home care. Demo Botkyrka has
/// the five roles its preset (seed 004) hands the work to.
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
        new(DemoAccess.SubstituteLogin, Roles.Employee, "Jonna Lind", DemoOrganisation.ExternalProvider),
        new("granskare", Roles.Auditor, "Lena Åberg"),

        new("botkyrka-handlaggare", Roles.CaseOfficer, "Nadia Karlsson", Municipality: DemoBotkyrka.MunicipalityName),
        new("botkyrka-samordnare", Roles.Coordinator, "Jonas Eklund", DemoBotkyrka.Provider, Municipality: DemoBotkyrka.MunicipalityName),
        new("botkyrka-montor", Roles.Installer, "Elif Demir", Municipality: DemoBotkyrka.MunicipalityName),
        new("botkyrka-nattpatrull", Roles.NightPatrolCoordinator, "Oskar Lindqvist", DemoBotkyrka.Provider, Municipality: DemoBotkyrka.MunicipalityName),
        new("botkyrka-systemforvaltare", Roles.SystemAdministrator, "Helena Strand", Municipality: DemoBotkyrka.MunicipalityName),
    ];

    /// <summary>The logins of one demo municipality.</summary>
    public static IReadOnlyList<DemoLogin> In(string municipality) => [.. All.Where(l => l.Municipality == municipality)];

    /// <summary>Logins that are also staff in the registry: they carry a digital key of their own.</summary>
    internal static IEnumerable<DemoLogin> Staff => In(DemoOrganisation.MunicipalityName).Where(l => l.Role is Roles.Employee or Roles.Nurse && l.UnitName is not null);

    internal static string Email(DemoLogin login) =>
        $"{login.UserName}@{(login.Municipality == DemoOrganisation.MunicipalityName ? "demo-kommun" : "demo-botkyrka")}.example";

    /// <summary>Creates every role of <see cref="Roles.All"/> that is missing, then the demo logins, each where <paramref name="place"/> puts it.</summary>
    internal static async Task<int> CreateAsync(UserManager<AppUser> users, RoleManager<IdentityRole> roles, Func<DemoLogin, DemoLoginPlace> place)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), role);

        // Every demo login shares one published password, so one hash (one salt) serves them all and
        // the costly key derivation runs once instead of twenty times.
        string? passwordHash = null;
        foreach (var login in All)
        {
            var where = place(login);
            var user = new AppUser
            {
                UserName = login.UserName,
                Email = Email(login),
                EmailConfirmed = true,
                DisplayName = login.DisplayName,
                MunicipalityId = where.MunicipalityId,
                ProviderId = where.ProviderId,
                UnitId = where.UnitId,
            };
            // The same rule as an administrator's "Koppla inloggning" (StaffLogins).
            if (where.Employee is { } employee) StaffLogins.Link(user, employee);
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
