using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages;

/// <summary>The start page: what this role can do, as links.</summary>
[Authorize(Policy = Policies.Authenticated)]
public sealed class IndexModel(NyckelfriDbContext db) : NyckelfriPageModel
{
    public sealed record Link(string Title, string Href, string Description);

    public string DisplayName { get; private set; } = "";
    public string MunicipalityName { get; private set; } = "";
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public IReadOnlyList<Link> Links { get; private set; } = [];

    private static readonly (string Policy, Link Link)[] AllLinks =
    [
        (Policies.WorkOrdersRead, new("Min inkorg", "/Inkorg", "Ärendesteg som väntar på dig, försenade först.")),
        (Policies.WorkOrdersRead, new("Ärenden", "/Arenden", "Installationer, felanmälningar, nedmonteringar och andra rutiner som ärenden.")),
        (Policies.ClientsRead, new("Brukare", "/Brukare", "Sök brukare, se insatser, hushåll och historik.")),
        (Policies.ClientsWrite, new("Registrera brukare", "/Brukare/Ny", "Lägg till en ny brukare med adress och hushåll.")),
        (Policies.ClientsRead, new("Hushåll", "/Hushall", "Sammanboende som delar dörr och lås.")),
        (Policies.PropertiesRead, new("Adresser och portar", "/Adresser", "Byggnader, portar och fastighetsägarens samtycke till portlås.")),
        (Policies.PropertiesRead, new("Fastighetsägare", "/Fastighetsagare", "Fastighetsbolag och bostadsrättsföreningar med kontaktpersoner.")),
        (Policies.ProvidersRead, new("Utförare och enheter", "/Utforare", "Egen regi, LOV-utförare och deras enheter.")),
        (Policies.StaffRead, new("Personal", "/Personal", "Medarbetare, anställningsform och enheter.")),
        (Policies.MunicipalityAdmin, new("Administration", "/Admin", "Kommunens inställningar, rutiner, användare och API-nycklar.")),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        DisplayName = User.FindFirstValue(NyckelfriClaims.DisplayName) ?? User.Identity?.Name ?? "";
        RoleNames = User.FindAll(ClaimTypes.Role).Select(r => Roles.SwedishName(r.Value)).ToList();
        MunicipalityName = await db.Municipalities.Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "";
        Links = AllLinks.Where(l => Can(l.Policy)).Select(l => l.Link).ToList();
    }
}
