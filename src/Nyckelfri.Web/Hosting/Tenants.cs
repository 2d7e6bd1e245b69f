using Nyckelfri.Routines;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.Tenancy;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Hosting;

/// <summary>
/// The operator's commands for municipalities (tenants): a new municipality gets its first system
/// administrator here; everything else about it is then done in the app by that administrator.
/// </summary>
public static class Tenants
{
    /// <summary><c>create-municipality "Name" code admin-user</c>; the password comes from NYCKELFRI_ADMIN_PASSWORD.</summary>
    public static async Task<int> CreateAsync(IServiceProvider root, string[] args)
    {
        var password = Environment.GetEnvironmentVariable("NYCKELFRI_ADMIN_PASSWORD");
        if (args.Length != 3 || string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("Användning: NYCKELFRI_ADMIN_PASSWORD=… create-municipality \"Namn kommun\" kod administratörsnamn");
            return 2;
        }
        var (name, code, adminName) = (args[0].Trim(), args[1].Trim().ToLowerInvariant(), args[2].Trim());
        if (name.Length is 0 or > 100 || code.Length is 0 or > 30 || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            Console.Error.WriteLine("Namnet måste anges och koden får bara innehålla a–z, siffror och bindestreck.");
            return 2;
        }

        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<SecuritySetup.ScopeOverride>().Scope = AccessScope.System();
        var db = services.GetRequiredService<NyckelfriDbContext>();
        if (await db.Municipalities.AnyAsync(m => m.Code == code))
        {
            Console.Error.WriteLine($"Det finns redan en kommun med koden '{code}'.");
            return 1;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var municipality = new Municipality(name, code, isDemo: false);
        db.Municipalities.Add(municipality);
        db.RoutineStepOwners.AddRange(RoutineStepOwner.From(municipality.Id, municipality.RoutinePreset));
        await db.SaveChangesAsync();

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
            await roles.CreateAsync(new IdentityRole(role));
        var users = services.GetRequiredService<UserManager<AppUser>>();
        // The operator chose this password: the administrator replaces it at first login.
        var admin = new AppUser { UserName = adminName, DisplayName = "Systemförvaltare", MunicipalityId = municipality.Id, MustChangePassword = true };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, created.Errors.Select(IdentityMessages.Swedish)));
            return 1;
        }
        await users.AddToRoleAsync(admin, Roles.SystemAdministrator);
        await transaction.CommitAsync();
        Console.WriteLine($"Kommunen {name} ({code}) är skapad med systemförvaltaren {adminName}, som vid första inloggningen måste byta lösenord och aktivera tvåstegsinloggning.");
        return 0;
    }

    public static async Task ListAsync(IServiceProvider root)
    {
        await using var scope = root.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SecuritySetup.ScopeOverride>().Scope = AccessScope.System();
        var db = scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>();
        foreach (var m in await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).ToListAsync())
            Console.WriteLine($"{m.Code,-20} {m.Name}{(m.IsDemo ? " (demo)" : "")}  {await db.Clients.CountAsync(c => c.MunicipalityId == m.Id)} brukare");
    }
}
