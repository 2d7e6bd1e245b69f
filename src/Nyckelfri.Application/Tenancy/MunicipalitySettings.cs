using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;

namespace Nyckelfri.Tenancy;

/// <summary>The caller's own municipality: its name and which roles must log in with two factors.</summary>
public sealed class MunicipalitySettings(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int Version { get; set; }
        public string? Name { get; set; }
        public List<string> TwoFactorRoles { get; set; } = [];

        /// <summary>Percent below which a reported battery opens a battery change; default 20.</summary>
        public int? BatteryThreshold { get; set; }
    }

    public sealed record View(Guid Id, int Version, string Name, string Code, bool IsDemo, IReadOnlyList<string> TwoFactorRoles, int BatteryThreshold);

    public async Task<View> Get(CancellationToken ct)
    {
        var m = await Own(ct);
        return new View(m.Id, m.Version, m.Name, m.Code, m.IsDemo, m.TwoFactorRoleSet.Order().ToList(), m.BatteryThreshold);
    }

    public async Task Handle(Command command, CancellationToken ct)
    {
        var m = await Own(ct);
        var v = new Validator();
        var name = v.Required(nameof(Command.Name), command.Name, "Kommunens namn", 100);
        var unknown = (command.TwoFactorRoles ?? []).Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0) v.Add(nameof(Command.TwoFactorRoles), "Okänd roll: " + string.Join(", ", unknown.Take(3)));
        if (command.BatteryThreshold is { } threshold) v.Try(() => m.ChangeBatteryThreshold(threshold));
        v.ThrowIfInvalid();

        db.ExpectVersion(m, command.Version);
        m.Name = name!;
        m.TwoFactorRoles = string.Join(',', command.TwoFactorRoles!.Distinct().Order());
        await db.SaveChangesAsync(ct);
    }

    private async Task<Municipality> Own(CancellationToken ct) =>
        await db.Municipalities.FirstOrDefaultAsync(m => m.Id == db.Scope.MunicipalityId, ct)
        ?? throw new NotFoundException("Kommunen");
}
